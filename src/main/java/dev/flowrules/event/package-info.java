/**
 * The processor event and Lex bot answers as the engine reads them. Supported:
 * {@link dev.flowrules.event.ProcessorEvent}, {@link dev.flowrules.event.Message} and
 * {@link dev.flowrules.event.InvalidEventException}; the readers are internal and may change.
 */
package dev.flowrules.event;
