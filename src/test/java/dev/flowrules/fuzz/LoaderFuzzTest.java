package dev.flowrules.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoader;

/**
 * Any bytes as a rule file: the loader answers with rules or diagnostics, never an exception, and what it
 * accepts compiles. In the normal test run this replays the seed corpus (LoaderFuzzTestInputs); fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn -B test -Dtest=LoaderFuzzTest} (docs/security.md).
 */
class LoaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void anyBytesLoadOrExplain(byte[] bytes) {
        LoadResult result = RuleLoader.parse("fuzz.yaml", bytes, null);
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.pos().line() < 1 || diagnostic.pos().column() < 1 || diagnostic.message().isBlank()) {
                throw new IllegalStateException("a diagnostic without a usable position or message: " + diagnostic);
            }
        }
        if (!result.hasErrors()) {
            RuleSet.compile(result.files());
        }
    }
}
