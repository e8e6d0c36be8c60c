/**
 * Internal: the compiled program (matchers, value tests, compiled actions, the candidate index). Its public
 * types are public because {@code eval} reads them; they are not an API and may change in any release. Embedders
 * use {@link dev.flowrules.Engine}.
 */
package dev.flowrules.compile;
