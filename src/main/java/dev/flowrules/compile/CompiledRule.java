package dev.flowrules.compile;

import dev.flowrules.dsl.SourcePos;
import java.util.List;

public record CompiledRule(String id, String description, SourcePos pos, Matcher when, List<CompiledAction> then) {
}
