package dev.flowrules.lambda;

import dev.flowrules.Engine;
import dev.flowrules.callback.CallbackMapper;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.event.ProcessorEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChimeSdkMessagingException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ConflictException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceFailureException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ServiceUnavailableException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ThrottledClientException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

/**
 * One processor event from bytes to callback: parse, evaluate, build the request, call ChannelFlowCallback
 * with retries, and log one JSON line. The embedding API for developers with their own handler: give it an
 * {@link Engine} and your own client. Never throws for anything an event or the service does.
 */
public final class ChannelFlowProcessor {
    private final Engine engine;
    private final ChimeSdkMessagingClient client;
    private final FailurePolicy policy;
    private final RetryPolicy retry;
    private final Consumer<String> log;
    private final boolean debug;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /** Waits between retries; tests replace it to run instantly. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public ChannelFlowProcessor(Engine engine, ChimeSdkMessagingClient client, FailurePolicy policy, RetryPolicy retry,
                                Consumer<String> log, boolean debug) {
        this(engine, client, policy, retry, log, debug, Thread::sleep, Math::random);
    }

    public ChannelFlowProcessor(Engine engine, ChimeSdkMessagingClient client, FailurePolicy policy, RetryPolicy retry,
                                Consumer<String> log, boolean debug, Sleeper sleeper, DoubleSupplier random) {
        this.engine = Objects.requireNonNull(engine);
        this.client = Objects.requireNonNull(client);
        this.policy = Objects.requireNonNull(policy);
        this.retry = Objects.requireNonNull(retry);
        this.log = Objects.requireNonNull(log);
        this.debug = debug;
        this.sleeper = Objects.requireNonNull(sleeper);
        this.random = Objects.requireNonNull(random);
    }

    /** What happened to one event, as logged. */
    public record Result(String status, Outcome outcome, int attempts, String error) {
        public boolean delivered() {
            return status.equals("ok");
        }
    }

    /**
     * Handles one event. {@code remainingMillis} is what the Lambda invocation has left; retries stop well
     * before it runs out.
     */
    public Result process(byte[] eventJson, long remainingMillis) {
        ProcessorEvent event;
        try {
            event = EventParser.parse(eventJson);
        } catch (InvalidEventException e) {
            // No usable CallbackId/ChannelArn/MessageId: no callback can be sent, whatever the policy.
            log.accept(new JsonLine().put("level", "ERROR").put("status", "dropped")
                    .put("error", "InvalidEvent").put("message", e.getMessage())
                    .put("hint", "the event was not answered; the channel flow's FallbackAction applies").end());
            return new Result("dropped", null, 0, "InvalidEvent");
        }
        long evalStart = System.nanoTime();
        Decision decision;
        ChannelFlowCallbackRequest request;
        String evaluationError = null;
        try {
            decision = engine.evaluate(event);
            request = CallbackMapper.toRequest(event, decision);
        } catch (RuntimeException e) {
            evaluationError = e.getClass().getSimpleName();
            decision = null;
            request = policyRequest(event);
        }
        long evalMicros = (System.nanoTime() - evalStart) / 1_000;
        Outcome outcome = decision != null ? decision.outcome() : policyOutcome();

        long callStart = System.nanoTime();
        Attempt attempt = callWithRetries(request, remainingMillis);
        String fallbackNote = null;
        if (attempt.error() instanceof BadRequestException && decision != null && outcome != policyOutcome()) {
            // The service refused what the rules made: answer as the policy says rather than not at all.
            ChannelFlowCallbackRequest fallback = policyRequest(event);
            Attempt second = callWithRetries(fallback, remainingMillis - elapsedMillis(callStart));
            fallbackNote = "the request was refused (BadRequestException); " + policy.label() + " answer sent instead";
            attempt = new Attempt(attempt.count() + second.count(), second.error());
            outcome = policyOutcome();
        }
        long callbackMillis = elapsedMillis(callStart);

        String status = attempt.error() == null ? "ok" : "failed";
        String errorName = attempt.error() == null ? evaluationError : errorName(attempt.error());
        JsonLine line = new JsonLine()
                .put("level", attempt.error() != null || evaluationError != null ? "ERROR" : "INFO")
                .put("status", status)
                .put("callbackId", event.callbackId())
                .put("messageId", event.message().messageId())
                .put("channelArn", event.message().channelArn())
                .put("outcome", outcome.name())
                .put("rules", decision == null ? List.of() : decision.matchedRuleIds())
                .put("evalMicros", evalMicros)
                .put("callbackMillis", callbackMillis)
                .put("attempts", attempt.count());
        if (evaluationError != null) {
            line.put("evaluationError", evaluationError)
                    .put("policy", policy.label() + ": the rules could not be evaluated, so the message was "
                            + (policy == FailurePolicy.FAIL_OPEN ? "delivered unchanged" : "denied"));
        }
        if (fallbackNote != null) {
            line.put("policy", fallbackNote);
        }
        if (attempt.error() != null) {
            line.put("error", errorName).put("message", firstLine(attempt.error().getMessage()))
                    .put("hint", hint(attempt.error()));
        }
        if (debug) {
            line.put("content", event.message().content());
            if (decision != null) {
                line.put("explain", decision.explain());
            }
        }
        log.accept(line.end());
        return new Result(status, outcome, attempt.count(), errorName);
    }

    private record Attempt(int count, RuntimeException error) {
    }

    private Attempt callWithRetries(ChannelFlowCallbackRequest request, long remainingMillis) {
        long start = System.nanoTime();
        // Stop retrying with time to spare for logging: a quarter second before the invocation ends.
        long budget = Math.min(retry.deadline().toMillis(), Math.max(0, remainingMillis - 250));
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                client.channelFlowCallback(request);
                return new Attempt(attempts, null);
            } catch (ThrottledClientException | ServiceUnavailableException | ServiceFailureException e) {
                if (!canRetry(attempts, start, budget, e)) {
                    return new Attempt(attempts, e);
                }
            } catch (SdkClientException e) {
                if (CallbackCredentials.isCredentialsFailure(e)) {
                    return new Attempt(attempts, e);
                }
                // Connection trouble before any answer: as retryable as a 503.
                if (!canRetry(attempts, start, budget, e)) {
                    return new Attempt(attempts, e);
                }
            } catch (RuntimeException e) {
                return new Attempt(attempts, e);
            }
        }
    }

    private boolean canRetry(int attempts, long start, long budget, RuntimeException e) {
        if (attempts >= retry.maxAttempts()) {
            return false;
        }
        long delay = retry.delayMillis(attempts, random.getAsDouble());
        if (elapsedMillis(start) + delay >= budget) {
            return false;
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ChannelFlowCallbackRequest policyRequest(ProcessorEvent event) {
        Decision decision = new Decision(policyOutcome(), event.message(), event.message(), null, null, List.of(), List.of());
        return CallbackMapper.toRequest(event, decision);
    }

    private Outcome policyOutcome() {
        return policy == FailurePolicy.FAIL_OPEN ? Outcome.NO_CHANGE : Outcome.DENY;
    }

    /** What an operator should look at, per error the service can answer with. */
    static String hint(RuntimeException error) {
        if (error instanceof ForbiddenException) {
            return "the function's role needs chime:ChannelFlowCallback on arn:aws:chime:REGION:ACCOUNT:app-instance/*";
        }
        if (error instanceof UnauthorizedClientException) {
            return "the function's credentials were not accepted: check the execution role and the region (AWS_REGION)";
        }
        if (error instanceof ConflictException) {
            return "the message was already answered or changed meanwhile (another processor, or a retried invocation)";
        }
        if (error instanceof BadRequestException) {
            return "the service refused the request's content: check the rules' explain output for this message";
        }
        if (error instanceof ThrottledClientException) {
            return "callbacks are throttled: retries ran out; check the account's ChannelFlowCallback rate and the flow's volume";
        }
        if (error instanceof ServiceUnavailableException || error instanceof ServiceFailureException) {
            return "the service failed; retries ran out within the deadline; the channel flow's FallbackAction applies";
        }
        if (CallbackCredentials.isCredentialsFailure(error)) {
            return "the function has no AWS credentials: check that it runs with an execution role (Lambda provides "
                    + "its credentials; under SnapStart through AWS_CONTAINER_CREDENTIALS_FULL_URI), not key variables";
        }
        if (error instanceof SdkClientException) {
            return "the service could not be reached: check the network, AWS_REGION and AWS_ENDPOINT_URL";
        }
        return "unexpected error; the channel flow's FallbackAction applies";
    }

    private static String errorName(RuntimeException error) {
        if (CallbackCredentials.isCredentialsFailure(error)) {
            return "CredentialsUnavailable";
        }
        if (error instanceof ChimeSdkMessagingException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return error.getClass().getSimpleName();
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
