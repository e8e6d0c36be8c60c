package dev.flowrules.eval;

import dev.flowrules.compile.Evidence;
import dev.flowrules.dsl.SourcePos;
import java.util.List;

/** A rule whose condition held: why (evidence) and what its actions did (in order). */
public record RuleMatch(String ruleId, SourcePos pos, List<Evidence> evidence, List<String> effects) {
}
