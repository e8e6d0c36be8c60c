/**
 * The embedding API: {@link dev.flowrules.Engine} loads and compiles rules once, then turns each processor event
 * into a decision and the {@code ChannelFlowCallbackRequest} to send back to Chime. The other supported packages
 * and what each offers are listed in the module description ({@code module-info.java}) and docs/architecture.md.
 */
package dev.flowrules;
