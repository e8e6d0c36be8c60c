package dev.flowrules.dsl;

import java.util.List;

/** One loaded rule file: its display name (as diagnostics print it), format version and rules in order. */
public record RuleFile(String name, int version, List<RuleDef> rules, SourcePos pos) {
}
