/**
 * Internal: the {@code flowrules} command line. Its interface is the command, not these classes.
 */
package dev.flowrules.cli;
