package dev.flowrules.eval;

import dev.flowrules.compile.Evidence;
import dev.flowrules.dsl.SourcePos;
import java.util.List;

/**
 * A rule whose condition held: why (evidence) and what its actions did (in order).
 *
 * @param ruleId the rule's id
 * @param pos where the rule starts in its file
 * @param evidence which field and test made the condition hold, and the part of the value that matched
 * @param effects one sentence per action that ran, as the explanation shows them
 */
public record RuleMatch(String ruleId, SourcePos pos, List<Evidence> evidence, List<String> effects) {
}
