/**
 * Loading rule files: YAML read into immutable records that keep their positions, every problem a
 * {@link dev.flowrules.dsl.Diagnostic}. Supported for rule tools: {@link dev.flowrules.dsl.RuleLoader}, the
 * diagnostics, {@link dev.flowrules.dsl.RuleLoadException} and the rule model with its keyword tables
 * ({@link dev.flowrules.dsl.Operator#KEYWORDS}, {@link dev.flowrules.dsl.Action#KEYWORDS}). The parsers are
 * package-private.
 */
package dev.flowrules.dsl;
