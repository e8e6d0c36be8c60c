/**
 * Internal: the browser playground started by {@code flowrules serve}. Not an API.
 */
package dev.flowrules.playground;
