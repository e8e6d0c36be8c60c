package dev.flowrules.eval;

/** What happens to the message, in the terms of the ChannelFlowCallback request. */
public enum Outcome {
    /** A rule denied the message: the callback deletes it. */
    DENY,
    /** Rules changed the message: the callback carries the new version. */
    UPDATE,
    /** No rule changed anything: the callback returns the message as it arrived. */
    NO_CHANGE
}
