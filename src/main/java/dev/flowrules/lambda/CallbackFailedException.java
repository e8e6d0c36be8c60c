package dev.flowrules.lambda;

/**
 * Thrown by {@link ChannelFlowHandler} to fail the Lambda invocation when no callback landed, so that Lambda
 * retries the event (same CallbackId) and then sends it to the function's on-failure destination. The
 * details are in the log line written just before.
 */
public final class CallbackFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallbackFailedException(ChannelFlowProcessor.Result result) {
        super("flowrules: no callback landed (" + result.error() + " after " + result.attempts()
                + " attempt(s)); failing the invocation so that Lambda retries it", null, false, false);
    }
}
