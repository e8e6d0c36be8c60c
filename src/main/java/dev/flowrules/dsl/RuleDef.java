package dev.flowrules.dsl;

import java.util.List;

/** A rule as written, with where it was written. */
public record RuleDef(String id, String description, boolean enabled, Condition when, List<Action> then,
                      SourcePos pos) {
}
