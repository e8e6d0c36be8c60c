package dev.flowrules.lambda;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The handler's credentials: the SDK's default chain (environment variables, then Lambda's container
 * credentials endpoint, which SnapStart functions get instead of key variables, then profiles and instance
 * metadata), with one change: a failure to load credentials is reported as {@link Unavailable}, so that the
 * processor neither retries it nor blames the network.
 */
final class CallbackCredentials implements AwsCredentialsProvider {
    private final AwsCredentialsProvider chain;

    CallbackCredentials(AwsCredentialsProvider chain) {
        this.chain = Objects.requireNonNull(chain);
    }

    /** The default chain, built fresh so that it reads the environment of this process as it is now. */
    static CallbackCredentials defaultChain() {
        return new CallbackCredentials(DefaultCredentialsProvider.builder().build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return chain.resolveCredentials();
        } catch (SdkClientException e) {
            // The chain's own cause is often an IOException (the container endpoint refused a connection); the
            // SDK's retry conditions retry IOException causes, and a missing credential does not come back within
            // one invocation. So the cause is replaced by a marker that nothing classifies as retryable.
            throw SdkClientException.create("no AWS credentials: " + e.getMessage(), new Unavailable(e.getMessage()));
        }
    }

    /** True when {@code error}, or anything it was caused by, is a credentials failure of this provider. */
    static boolean isCredentialsFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Unavailable) {
                return true;
            }
        }
        return false;
    }

    /** Marks a failure to load credentials. Carries the chain's message only, no cause (see above). */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
