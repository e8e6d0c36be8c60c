package dev.flowrules.check;

import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleDef;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks across rules and files, after loading: what no single rule can tell about itself. */
public final class RuleChecker {
    private RuleChecker() {
    }

    /** Loads and checks; the result holds every problem of every file, sorted by position. */
    public static LoadResult validate(List<Path> inputs) {
        LoadResult loaded = RuleLoader.load(inputs);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(check(loaded.files()));
        all.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new LoadResult(loaded.files(), all);
    }

    public static List<Diagnostic> check(List<RuleFile> files) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, RuleDef> byId = new HashMap<>();
        for (RuleFile file : files) {
            for (RuleDef rule : file.rules()) {
                RuleDef first = byId.putIfAbsent(rule.id(), rule);
                if (first != null) {
                    found.add(Diagnostic.error(DiagnosticCode.FR008, rule.pos(),
                            "duplicate rule id '" + rule.id() + "' (first used at " + first.pos() + ")",
                            "rule ids must be unique across all rule files; rename one of them"));
                }
            }
        }
        return found;
    }
}
