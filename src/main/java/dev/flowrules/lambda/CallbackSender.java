package dev.flowrules.lambda;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

/**
 * One ChannelFlowCallback call within a time budget, and what its answer means for the message. Retrying is
 * the client's (the SDK's retry strategy, see {@link RetryPolicy}); this class only sets the call's time
 * bounds and sorts the final answer into the four cases the processor acts on.
 */
final class CallbackSender {
    /** What the final answer means. */
    enum Kind {
        /** A 2xx: the callback landed (whatever the answer's body). */
        DELIVERED,
        /** 409: the message was already answered (an earlier attempt or invocation landed). */
        ALREADY_ANSWERED,
        /** 400: the service refused this request; retrying the same request cannot help. */
        REFUSED,
        /** Anything else once retries and time ran out: the message is still waiting for an answer. */
        FAILED
    }

    record Sent(Kind kind, int attempts, long millis, String error, String message, String hint,
                boolean unreadableSuccessBody) {
    }

    private final ChimeSdkMessagingClient client;

    CallbackSender(ChimeSdkMessagingClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * Sends {@code request}. {@code callTimeout} bounds all attempts together (null: no bound but the attempts');
     * {@code attemptTimeout} bounds each one.
     */
    Sent send(ChannelFlowCallbackRequest request, Duration callTimeout, Duration attemptTimeout) {
        if (callTimeout != null && (callTimeout.isZero() || callTimeout.isNegative())) {
            return new Sent(Kind.FAILED, 0, 0, "DeadlineExceeded", "no time left in the invocation to call back",
                    "the function's Timeout is too short for its rules and the callback; " + RETRIED, false);
        }
        CallbackClient.Wire wire = new CallbackClient.Wire();
        ChannelFlowCallbackRequest bounded = request.toBuilder().overrideConfiguration(o -> {
            o.apiCallAttemptTimeout(attemptTimeout).putExecutionAttribute(CallbackClient.WIRE, wire);
            if (callTimeout != null) {
                o.apiCallTimeout(callTimeout);
            }
        }).build();
        long start = System.nanoTime();
        try {
            client.channelFlowCallback(bounded);
            return new Sent(Kind.DELIVERED, attempts(wire, null), elapsed(start), null, null, null,
                    wire.unreadableSuccessBody);
        } catch (ConflictException e) {
            return new Sent(Kind.ALREADY_ANSWERED, attempts(wire, e), elapsed(start), errorName(e), messageOf(e),
                    "the message was already answered (an earlier attempt or a retried invocation landed)", false);
        } catch (BadRequestException e) {
            return new Sent(Kind.REFUSED, attempts(wire, e), elapsed(start), errorName(e), messageOf(e),
                    "the service refused the request's content: check the rules' explain output for this message", false);
        } catch (RuntimeException e) {
            return new Sent(Kind.FAILED, attempts(wire, e), elapsed(start), errorName(e), messageOf(e),
                    hint(e), false);
        }
    }

    static final String RETRIED = "the invocation fails, so Lambda retries it and then sends it to the "
            + "function's on-failure destination (docs/lambda.md: replaying messages)";

    /** What an operator should look at, per final failure. */
    static String hint(RuntimeException error) {
        if (CallbackCredentials.isCredentialsFailure(error)) {
            return "the function has no AWS credentials: check that it runs with an execution role (Lambda provides "
                    + "its credentials; under SnapStart through AWS_CONTAINER_CREDENTIALS_FULL_URI), not key variables; "
                    + RETRIED;
        }
        if (error instanceof ForbiddenException) {
            return "the function's execution role needs chime:ChannelFlowCallback on "
                    + "arn:aws:chime:REGION:ACCOUNT:app-instance/*; " + RETRIED;
        }
        if (error instanceof UnauthorizedClientException) {
            return "the function's credentials were not accepted: check the execution role and the region (AWS_REGION); "
                    + RETRIED;
        }
        if (error instanceof ApiCallTimeoutException) {
            return "no answer within the invocation's time; " + RETRIED;
        }
        if (error instanceof SdkServiceException service && (service.isThrottlingException() || service.statusCode() == 429)) {
            return "callbacks are throttled and retries ran out within the invocation's time; " + RETRIED;
        }
        if (error instanceof SdkServiceException service && service.statusCode() >= 500) {
            return "the service failed and retries ran out within the invocation's time; " + RETRIED;
        }
        if (error instanceof SdkClientException) {
            return "the service could not be reached: check the network, AWS_REGION and AWS_ENDPOINT_URL; " + RETRIED;
        }
        return "unexpected error; " + RETRIED;
    }

    static String errorName(RuntimeException error) {
        if (CallbackCredentials.isCredentialsFailure(error)) {
            return "CredentialsUnavailable";
        }
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null && !service.awsErrorDetails().errorCode().isBlank()) {
            return service.awsErrorDetails().errorCode();
        }
        if (error instanceof SdkServiceException service) {
            return "HTTP " + service.statusCode();
        }
        return error.getClass().getSimpleName();
    }

    private static int attempts(CallbackClient.Wire wire, RuntimeException error) {
        if (wire.attempts.get() > 0) {
            return wire.attempts.get();
        }
        // A client built without CallbackClient.configure: the SDK's own count, where it has one.
        if (error instanceof software.amazon.awssdk.core.exception.SdkException sdk && sdk.numAttempts() != null) {
            return sdk.numAttempts();
        }
        return error == null ? 1 : 0;
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The service's own message where it sent one, else the first line of the exception's. */
    static String messageOf(RuntimeException error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return firstLine(error.getMessage());
    }

    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
