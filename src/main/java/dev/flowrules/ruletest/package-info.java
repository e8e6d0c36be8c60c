/**
 * Rule tests ({@code *.test.yaml} examples run against the rules) and {@code validate} with them. Supported
 * for rule tools: {@link dev.flowrules.ruletest.RuleTests}.
 */
package dev.flowrules.ruletest;
