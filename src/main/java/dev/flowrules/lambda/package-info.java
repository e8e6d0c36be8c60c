/**
 * The Lambda runtime: {@link dev.flowrules.lambda.ChannelFlowHandler} (the handler to deploy) and
 * {@link dev.flowrules.lambda.ChannelFlowProcessor} (to embed in a handler of one's own). Supported.
 */
package dev.flowrules.lambda;
