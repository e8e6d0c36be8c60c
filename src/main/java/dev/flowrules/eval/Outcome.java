package dev.flowrules.eval;

public enum Outcome {
    /** A rule denied the message: the callback deletes it. */
    DENY,
    /** Rules changed the message: the callback carries the new version. */
    UPDATE,
    /** No rule changed anything: the callback returns the message as it arrived. */
    NO_CHANGE
}
