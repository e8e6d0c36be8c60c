package dev.flowrules.compile;

import dev.flowrules.dsl.SourcePos;
import java.util.List;

/**
 * One rule ready to evaluate: its condition compiled to a {@link Matcher}, its actions to {@link CompiledAction}s.
 * Internal: not exported by the module.
 */
public record CompiledRule(String id, String description, SourcePos pos, Matcher when, List<CompiledAction> then) {
}
