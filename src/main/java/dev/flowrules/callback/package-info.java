/**
 * Internal: a decision turned into the {@code ChannelFlowCallbackRequest} sent back to Chime. Embedders get
 * the request from {@link dev.flowrules.Engine}; these classes may change in any release.
 */
package dev.flowrules.callback;
