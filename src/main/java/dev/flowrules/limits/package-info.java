/**
 * Internal: what the Chime SDK messaging service accepts: the ChannelFlowCallback API's model constraints and the service's
 * quotas. A leaf package with no dependencies, below every stage: the loader checks literal values against it, the
 * evaluator fits the values it produces to it, the callback stage checks the request, and the event reader checks
 * the identifiers an answerable event must carry. It lives apart from {@code event} because these are limits on
 * what the engine sends, not on what it receives. Not exported by the module; it may change in any release.
 */
package dev.flowrules.limits;
