/**
 * The Maven goal {@code flowrules:validate}. Its interface is the goal and its parameters, not these classes.
 */
package dev.flowrules.maven;
