package dev.flowrules.lambda;

import java.time.Duration;

/**
 * Retries of throttled or failed callbacks: exponential backoff with full jitter, stopped by a deadline so a
 * late answer never outlives the channel flow's processing window (after which Chime applies the processor's
 * FallbackAction anyway) nor the Lambda invocation.
 *
 * @param deadline   how long, from the first attempt, retries may go on
 * @param baseDelay  the first backoff; each retry doubles it, up to {@code maxDelay}
 * @param maxAttempts attempts in all, the first one included
 */
public record RetryPolicy(Duration deadline, Duration baseDelay, Duration maxDelay, int maxAttempts) {
    /** 5 s: well inside a processing window, and leaves a 3 s Lambda timeout room to log. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMillis(100),
            Duration.ofSeconds(1), 6);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Full jitter: a random delay between zero and the capped exponential backoff for this retry (1-based). */
    long delayMillis(int retry, double random) {
        double cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * Math.pow(2, retry - 1));
        return (long) (cap * random);
    }
}
