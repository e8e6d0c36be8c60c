/**
 * Internal: text matching shared by loading and evaluation (word lists, evasions, link hosts). Not an API;
 * it may change in any release.
 */
package dev.flowrules.text;
