/**
 * Internal: the authors' regular expressions compiled once per load ({@link dev.flowrules.patterns.Patterns}),
 * shared by the loader that validates them, the checker and the compiler that keeps them. A leaf package below
 * every stage that reads patterns; it depends on re2j only. Not exported by the module; it may change in any
 * release.
 */
package dev.flowrules.patterns;
