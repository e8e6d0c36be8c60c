/**
 * Evaluating one message. Supported: {@link dev.flowrules.eval.Decision}, {@link dev.flowrules.eval.Outcome},
 * {@link dev.flowrules.eval.RuleMatch} and the notes of a decision; {@link dev.flowrules.eval.Evaluator} for
 * callers that hold a compiled rule set. Everything else is package-private.
 */
package dev.flowrules.eval;
