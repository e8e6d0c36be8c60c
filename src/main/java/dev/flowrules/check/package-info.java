/**
 * The warnings of {@code validate}: what no single rule can tell about itself. Supported:
 * {@link dev.flowrules.check.RuleChecker}. Not on the engine path: {@code Engine.fromRules} only loads and compiles.
 */
package dev.flowrules.check;
