package dev.flowrules.lambda;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How callbacks are retried and bounded in time. Retrying is the SDK's standard strategy (which retries by
 * HTTP status and by the SDK's throttling and retryable classification: 429, 500, 502, 503, 504, throttling
 * and InternalFailure error codes, connection failures, attempt timeouts) with this backoff and this number of
 * attempts; time is bounded per invocation by {@link #callTimeout} and {@link #attemptTimeout}.
 *
 * @param baseDelay      the first backoff; each retry doubles it (full jitter), up to {@code maxDelay}
 * @param maxDelay       the largest backoff
 * @param maxAttempts    attempts in all, the first one included
 * @param attemptTimeout the longest one attempt may take (a service that never answers costs this, then a retry)
 * @param margin         time kept back from the invocation's remaining time, to log and fail the invocation
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts, Duration attemptTimeout,
                          Duration margin) {
    /** 100 ms doubling to 1 s, 6 attempts, 3 s per attempt, 500 ms kept back for logging. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 6,
            Duration.ofSeconds(3), Duration.ofMillis(500));

    /**
     * Checks the bounds, so a policy always lets one attempt run.
     *
     * @param baseDelay the record's {@code baseDelay}
     * @param maxDelay the record's {@code maxDelay}
     * @param maxAttempts the record's {@code maxAttempts}
     * @param attemptTimeout the record's {@code attemptTimeout}
     * @param margin the record's {@code margin}
     * @throws IllegalArgumentException when there is no attempt, the attempt timeout is not positive or the
     *         margin is negative
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || margin.isNegative()) {
            throw new IllegalArgumentException("attemptTimeout must be positive and margin not negative");
        }
    }

    /**
     * The SDK retry strategy the callback client uses.
     *
     * @return the standard strategy with this backoff and number of attempts
     */
    public RetryStrategy strategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .build();
    }

    /**
     * The whole call's budget (all attempts and backoffs) when the invocation has {@code remainingMillis} left:
     * the remaining time minus the margin; zero or negative means there is no time to call at all.
     *
     * @param remainingMillis the time the invocation has left
     * @return the budget, possibly zero or negative
     */
    public Duration callTimeout(long remainingMillis) {
        return Duration.ofMillis(remainingMillis).minus(margin);
    }

    /**
     * One attempt's budget: the configured attempt timeout, never more than the whole call's.
     *
     * @param callTimeout the whole call's budget
     * @return the shorter of the two
     */
    public Duration attemptTimeout(Duration callTimeout) {
        return callTimeout.compareTo(attemptTimeout) < 0 ? callTimeout : attemptTimeout;
    }
}
