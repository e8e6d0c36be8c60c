package dev.flowrules.lambda;

import dev.flowrules.Engine;
import dev.flowrules.callback.CallbackMapper;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Outcome;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.event.ProcessorEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageCallback;

/**
 * One processor event from bytes to callback: parse, evaluate, build the request, call ChannelFlowCallback
 * within the invocation's time, and log one JSON line. The embedding API for developers with their own
 * handler: build it with {@link #builder()}. Never throws for anything an event, the rules or the service does;
 * a {@link Result} with {@link Result#failInvocation()} tells the caller to fail the Lambda invocation, so that
 * Lambda's asynchronous retries and the on-failure destination keep the message. Thread-safe: one processor
 * serves every invocation of a container.
 */
public final class ChannelFlowProcessor {
    /** The only event type a channel flow sends for messages; any other is logged and not answered. */
    public static final String CHANNEL_MESSAGE_EVENT = "CHANNEL_MESSAGE_EVENT";

    private final Function<ProcessorEvent, Decision> rules;
    private final CallbackSender sender;
    private final FailurePolicy policy;
    private final RetryPolicy retry;
    private final Consumer<String> log;
    private final LogLevel level;
    private final String rulesHash;
    private final MetricLines metrics;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    private ChannelFlowProcessor(Builder builder) {
        this.rules = Objects.requireNonNull(builder.rules, "engine");
        this.sender = new CallbackSender(Objects.requireNonNull(builder.client, "client"));
        this.policy = builder.policy;
        this.retry = builder.retry;
        this.log = builder.log;
        this.level = builder.level;
        this.rulesHash = builder.rulesHash;
        this.metrics = builder.metricsNamespace == null ? null : new MetricLines(builder.metricsNamespace);
    }

    /**
     * Starts a processor; {@link Builder#engine} and {@link Builder#client} are required.
     *
     * @return a builder with the defaults set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What happened to one event. */
    public enum Status {
        /** The callback landed. */
        DELIVERED,
        /** The service said the message was already answered (409): an earlier attempt or invocation landed. */
        ALREADY_ANSWERED,
        /** No callback landed; the message still waits: the invocation must fail so Lambda retries it. */
        FAILED,
        /** The event cannot be answered (no CallbackId, MessageId or ChannelArn): logged, no callback. */
        DROPPED,
        /** Not a message event ({@link #CHANNEL_MESSAGE_EVENT}): logged, no callback. */
        IGNORED
    }

    /**
     * What happened to one event, as logged.
     *
     * @param status what happened
     * @param outcome what the last request sent asked for; null when none was sent
     * @param attempts callback attempts made
     * @param error the last error's name, or null
     */
    public record Result(Status status, Outcome outcome, int attempts, String error) {
        /**
         * Whether the Lambda invocation should fail so that Lambda retries the event.
         *
         * @return true when no callback landed and the message still waits
         */
        public boolean failInvocation() {
            return status == Status.FAILED;
        }
    }

    /**
     * The Lambda invocation an event came with: its request id (for the log line; may be null) and the time it
     * has left ({@code Context.getRemainingTimeInMillis()}; {@code Long.MAX_VALUE} outside Lambda).
     *
     * @param requestId Lambda's request id, or null
     * @param remainingMillis the time the invocation has left
     */
    public record Invocation(String requestId, long remainingMillis) {
    }

    /**
     * Handles one event with no time limit but the attempts' (outside Lambda).
     *
     * @param eventJson the event as Chime sends it
     * @return what happened; never throws for a bad event or a failing service
     */
    public Result process(byte[] eventJson) {
        return process(eventJson, new Invocation(null, Long.MAX_VALUE));
    }

    /**
     * Handles one event with {@code remainingMillis} left in the invocation and no request id.
     *
     * @param eventJson the event as Chime sends it
     * @param remainingMillis the time the invocation has left
     * @return what happened; never throws for a bad event or a failing service
     */
    public Result process(byte[] eventJson, long remainingMillis) {
        return process(eventJson, new Invocation(null, remainingMillis));
    }

    /**
     * Handles one event. No attempt, and no sum of attempts, outlives the invocation's remaining time minus the
     * retry policy's margin.
     *
     * @param eventJson the event as Chime sends it
     * @param invocation the request id and the time left
     * @return what happened; never throws for a bad event or a failing service
     */
    public Result process(byte[] eventJson, Invocation invocation) {
        long start = System.nanoTime();
        long remainingMillis = invocation.remainingMillis();
        boolean cold = coldStart.getAndSet(false);
        ProcessorEvent event;
        try {
            event = EventParser.parse(eventJson);
        } catch (InvalidEventException e) {
            // No usable CallbackId/ChannelArn/MessageId: no callback can be sent, whatever the policy. The
            // CallbackId, when it was read, lets an operator find the message that stays pending.
            emit(LogLevel.ERROR, line(LogLevel.ERROR, Status.DROPPED, invocation, cold)
                    .put("callbackId", e.callbackId())
                    .put("error", "InvalidEvent").put("message", e.getMessage())
                    .put("hint", "the event was not answered and cannot be: no callback can name the message"));
            metrics(Status.DROPPED, null, 0, 0, List.of());
            return new Result(Status.DROPPED, null, 0, "InvalidEvent");
        }
        if (event.eventType() != null && !CHANNEL_MESSAGE_EVENT.equals(event.eventType())) {
            emit(LogLevel.WARN, line(LogLevel.WARN, Status.IGNORED, invocation, cold)
                    .put("eventType", event.eventType()).put("callbackId", event.callbackId())
                    .put("hint", "only " + CHANNEL_MESSAGE_EVENT + " events are answered"));
            metrics(Status.IGNORED, null, 0, 0, List.of());
            return new Result(Status.IGNORED, null, 0, null);
        }

        Decision decision = null;
        ChannelFlowCallbackRequest request;
        String evaluationError = null;
        try {
            decision = rules.apply(event);
            request = CallbackMapper.toRequest(event, decision);
        } catch (RuntimeException | Error e) {
            // Any throwable, out-of-memory included (the evaluation's garbage is free again once it unwound):
            // the failure policy answers instead of the rules.
            evaluationError = e.getClass().getSimpleName();
            decision = null;
            request = policyRequest(event);
        }
        long evalMicros = (System.nanoTime() - start) / 1_000;
        Outcome outcome = decision != null ? decision.outcome() : policyOutcome();

        CallbackSender.Sent sent = send(request, remainingMillis, start);
        int attempts = sent.attempts();
        String fallback = null;
        if (sent.kind() == CallbackSender.Kind.REFUSED) {
            ChannelFlowCallbackRequest minimal = minimalDeny(event);
            if (outcome != Outcome.NO_CHANGE && !minimal.equals(request)) {
                // The rules (or fail-closed) took something out, and the service refused that answer. Sending the
                // message as it arrived would deliver what the rules removed, so the one answer that cannot leak
                // is sent instead: a deny naming only the message.
                CallbackSender.Sent refused = sent;
                sent = send(minimal, remainingMillis, start);
                attempts += sent.attempts();
                fallback = "the service refused the " + outcome + " request (" + refused.error() + ": "
                        + refused.message() + "); a minimal deny was sent instead";
                outcome = Outcome.DENY;
            }
        }
        Status status = switch (sent.kind()) {
            case DELIVERED -> Status.DELIVERED;
            case ALREADY_ANSWERED -> Status.ALREADY_ANSWERED;
            case REFUSED, FAILED -> Status.FAILED;
        };

        boolean error = status == Status.FAILED || evaluationError != null || fallback != null;
        LogLevel lineLevel = error ? LogLevel.ERROR : LogLevel.INFO;
        JsonLine line = line(lineLevel, status, invocation, cold)
                .put("callbackId", event.callbackId())
                .put("messageId", event.message().messageId())
                .put("channelArn", event.message().channelArn())
                .put("outcome", outcome.name())
                .put("rules", decision == null ? List.of() : decision.matchedRuleIds())
                .put("evalMicros", evalMicros)
                .put("callbackMillis", sent.millis())
                .put("attempts", attempts);
        if (decision != null && !decision.notes().isEmpty()) {
            NoteFields.write(line, decision.notes(), level.debug());
        }
        if (evaluationError != null) {
            line.put("evaluationError", evaluationError)
                    .put("policy", policy.label() + ": the rules could not be evaluated, so the message was "
                            + (policy == FailurePolicy.FAIL_OPEN ? "answered unchanged" : "denied"));
        }
        if (fallback != null) {
            line.put("fallback", fallback);
        }
        if (sent.unreadableSuccessBody()) {
            line.put("note", "the service answered 2xx with a body that could not be read; counted as delivered");
        }
        if (sent.error() != null) {
            line.put("error", sent.error()).put("message", sent.message()).put("hint", sent.hint());
        }
        if (level.debug()) {
            line.put("content", event.message().content());
            if (decision != null) {
                line.put("explain", decision.explain());
            }
        }
        emit(lineLevel, line);
        metrics(status, outcome, attempts, sent.millis(), decision == null ? List.of() : decision.matchedRuleIds());
        return new Result(status, outcome, attempts, sent.error() != null ? sent.error() : evaluationError);
    }

    /** A log line's first fields, the same on every line: what an operator filters and groups by. */
    private JsonLine line(LogLevel lineLevel, Status status, Invocation invocation, boolean cold) {
        return new JsonLine().put("level", lineLevel.name()).put("status", status.name())
                .put("requestId", invocation.requestId()).put("coldStart", cold).put("rulesHash", rulesHash);
    }

    private void emit(LogLevel lineLevel, JsonLine line) {
        if (level.shows(lineLevel)) {
            log.accept(line.end());
        }
    }

    private void metrics(Status status, Outcome outcome, int attempts, long millis, List<String> rules) {
        if (metrics != null) {
            metrics.write(log, System.currentTimeMillis(), status.name(), outcome == null ? "NONE" : outcome.name(),
                    attempts, millis, rules);
        }
    }

    private CallbackSender.Sent send(ChannelFlowCallbackRequest request, long remainingMillis, long startNanos) {
        if (remainingMillis == Long.MAX_VALUE) {
            return sender.send(request, null, retry.attemptTimeout());
        }
        long left = remainingMillis - (System.nanoTime() - startNanos) / 1_000_000;
        Duration call = retry.callTimeout(left);
        return sender.send(request, call, retry.attemptTimeout(call));
    }

    private ChannelFlowCallbackRequest policyRequest(ProcessorEvent event) {
        if (policy == FailurePolicy.FAIL_CLOSED) {
            return minimalDeny(event);
        }
        Decision unchanged = new Decision(Outcome.NO_CHANGE, event.message(), event.message(), null, null, List.of(),
                List.of());
        return CallbackMapper.toRequest(event, unchanged);
    }

    /** The deny that carries nothing but what names the message: it cannot deliver anything. */
    static ChannelFlowCallbackRequest minimalDeny(ProcessorEvent event) {
        return ChannelFlowCallbackRequest.builder()
                .callbackId(event.callbackId())
                .channelArn(event.message().channelArn())
                .deleteResource(true)
                .channelMessage(ChannelMessageCallback.builder().messageId(event.message().messageId()).build())
                .build();
    }

    private Outcome policyOutcome() {
        return policy == FailurePolicy.FAIL_OPEN ? Outcome.NO_CHANGE : Outcome.DENY;
    }

    /** Builds a processor; {@link #engine} and {@link #client} are required. */
    public static final class Builder {
        private Function<ProcessorEvent, Decision> rules;
        private ChimeSdkMessagingClient client;
        private FailurePolicy policy = FailurePolicy.FAIL_OPEN;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Consumer<String> log = System.out::println;
        private LogLevel level = LogLevel.INFO;
        private String rulesHash;
        private String metricsNamespace;

        private Builder() {
        }

        /**
     * The rules; required.
     *
     * @param engine a ready engine, shared by every event
     * @return this builder
     */
        public Builder engine(Engine engine) {
            Objects.requireNonNull(engine);
            this.rules = engine::evaluate;
            return this;
        }

        /** Evaluation replaced, so that tests can make it fail as an engine fault would. */
        Builder evaluator(Function<ProcessorEvent, Decision> evaluator) {
            this.rules = Objects.requireNonNull(evaluator);
            return this;
        }

        /**
     * The client callbacks are sent with; required. Configure it with {@link CallbackClient#configure} and the
     * same retry policy.
     *
     * @param client the client
     * @return this builder
     */
        public Builder client(ChimeSdkMessagingClient client) {
            this.client = Objects.requireNonNull(client);
            return this;
        }

        /**
     * What to answer when the rules cannot be evaluated.
     *
     * @param policy {@code FAIL_OPEN} by default
     * @return this builder
     */
        public Builder failurePolicy(FailurePolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /**
     * The time bounds of each callback.
     *
     * @param retry {@link RetryPolicy#DEFAULT} by default
     * @return this builder
     */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /**
     * Where each log line goes.
     *
     * @param log standard output by default (Lambda sends it to CloudWatch Logs)
     * @return this builder
     */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        /**
     * The least severe line written; DEBUG and TRACE add content and explanations (never in production).
     *
     * @param level {@code INFO} by default
     * @return this builder
     */
        public Builder logLevel(LogLevel level) {
            this.level = Objects.requireNonNull(level);
            return this;
        }

        /**
     * A fingerprint of the rules, put on every log line so an operator knows which rules decided.
     *
     * @param rulesHash e.g. the handler's {@code RulesHash}; null (the default) for none
     * @return this builder
     */
        public Builder rulesHash(String rulesHash) {
            this.rulesHash = rulesHash;
            return this;
        }

        /**
     * Writes CloudWatch Embedded Metric Format lines in this namespace.
     *
     * @param namespace the namespace; null (the default) writes none
     * @return this builder
     */
        public Builder metricsNamespace(String namespace) {
            this.metricsNamespace = namespace;
            return this;
        }

        /**
         * The processor, ready for every invocation.
         *
         * @return a new processor
         * @throws NullPointerException when the engine or the client is missing
         */
        public ChannelFlowProcessor build() {
            return new ChannelFlowProcessor(this);
        }
    }
}
