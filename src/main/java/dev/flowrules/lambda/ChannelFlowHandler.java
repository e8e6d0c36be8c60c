package dev.flowrules.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.flowrules.Engine;
import dev.flowrules.dsl.RuleLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;

/**
 * The ready channel-flow processor: deploy the jar with this handler and your rules, no Java code needed.
 *
 * <p>Configured by environment variables: {@code FLOWRULES_RULES} ({@code classpath:rules} by default, or a
 * path), {@code FLOWRULES_ON_ERROR} ({@code fail-open} by default, or {@code fail-closed}),
 * {@code FLOWRULES_LOG_LEVEL} ({@code INFO} by default; Lambda's {@code AWS_LAMBDA_LOG_LEVEL} wins, see
 * {@link LogLevel}), {@code FLOWRULES_METRICS} ({@code on} or {@code off}), {@code FLOWRULES_METRICS_NAMESPACE},
 * and the SDK's own: {@code AWS_REGION}, credentials (the default chain), {@code AWS_ENDPOINT_URL}. When no
 * callback lands, the invocation fails ({@link CallbackFailedException}) so that Lambda retries the event.
 *
 * <p>Rules are loaded and compiled, and the client built, once per container when Lambda creates the
 * handler during init, so SnapStart snapshots a ready engine. Nothing is written to the output stream: the
 * answer goes to Chime through ChannelFlowCallback.
 */
public final class ChannelFlowHandler implements RequestStreamHandler {
    private final ChannelFlowProcessor processor;

    /** Used by Lambda: the container-wide processor, built from the environment on first use. */
    public ChannelFlowHandler() {
        this(Container.PROCESSOR);
    }

    /**
     * A handler around a processor built elsewhere, e.g. with other rules or a client of one's own.
     *
     * @param processor the processor every invocation uses
     */
    public ChannelFlowHandler(ChannelFlowProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ChannelFlowProcessor.Result result;
        try {
            byte[] event = input.readNBytes(dev.flowrules.event.EventParser.MAX_EVENT_BYTES + 1);
            result = processor.process(event, context == null
                    ? new ChannelFlowProcessor.Invocation(null, Long.MAX_VALUE)
                    : new ChannelFlowProcessor.Invocation(context.getAwsRequestId(), context.getRemainingTimeInMillis()));
        } catch (IOException | RuntimeException | Error e) {
            // The processor answers for everything an event, the rules or the service do; this is what is left
            // (the input stream failing, memory running out outside evaluation): the invocation fails, so Lambda
            // retries the event and then hands it to the on-failure destination.
            System.out.println(new JsonLine().put("level", "ERROR").put("status", "FAILED")
                    .put("requestId", context == null ? null : context.getAwsRequestId())
                    .put("error", e.getClass().getSimpleName()).put("hint", CallbackSender.RETRIED).end());
            throw e;
        }
        if (result.failInvocation()) {
            throw new CallbackFailedException(result);
        }
    }

    /** Builds the processor from environment variables; separate so that tests can pass their own map. */
    static ChannelFlowProcessor fromEnvironment(Map<String, String> env, ChimeSdkMessagingClient client,
                                                Consumer<String> log) {
        Engine engine;
        String rulesHash;
        try {
            Path rules = RulesLocation.resolve(env.get("FLOWRULES_RULES"), ChannelFlowHandler.class.getClassLoader());
            engine = Engine.fromRules(rules);
            rulesHash = RulesHash.of(rules);
        } catch (RuleLoadException e) {
            log.accept(e.getMessage());
            throw new IllegalStateException("flowrules: the rules have errors (listed above); fix them and redeploy");
        } catch (IOException e) {
            throw new IllegalStateException("flowrules: " + e.getMessage(), e);
        }
        FailurePolicy policy = FailurePolicy.parse(env.get("FLOWRULES_ON_ERROR"));
        LogLevel level = LogLevel.fromEnvironment(env);
        String metrics = env.getOrDefault("FLOWRULES_METRICS", "on").trim().toLowerCase(Locale.ROOT);
        if (!metrics.equals("on") && !metrics.equals("off")) {
            throw new IllegalArgumentException("FLOWRULES_METRICS must be on or off, not '" + env.get("FLOWRULES_METRICS") + "'");
        }
        String namespace = env.getOrDefault("FLOWRULES_METRICS_NAMESPACE", "FlowRules");
        if (level.shows(LogLevel.INFO)) {
            log.accept(new JsonLine().put("level", "INFO").put("status", "READY").put("rulesHash", rulesHash)
                    .put("rules", engine.ruleCount()).put("failurePolicy", policy.label())
                    .put("logLevel", level.name()).put("metrics", metrics.equals("on")).end());
        }
        return ChannelFlowProcessor.builder().engine(engine).client(client).failurePolicy(policy).log(log)
                .logLevel(level).rulesHash(rulesHash).metricsNamespace(metrics.equals("on") ? namespace : null).build();
    }

    /**
     * The client the handler uses: region from the environment, credentials from the SDK's default chain
     * (container credentials included, see {@link CallbackCredentials}), the URLConnection HTTP client
     * (the smallest cold start), and the retry strategy and interceptor of {@link CallbackClient}. The endpoint
     * is left to the SDK, so AWS_ENDPOINT_URL keeps working.
     */
    static ChimeSdkMessagingClient defaultClient(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("flowrules: AWS_REGION is not set (Lambda sets it; set it when running elsewhere)");
        }
        return CallbackClient.configure(ChimeSdkMessagingClient.builder(), RetryPolicy.DEFAULT)
                .region(Region.of(region))
                .credentialsProvider(CallbackCredentials.defaultChain())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Holder so that the environment is read once per container, and only by the no-argument constructor. */
    private static final class Container {
        static final ChannelFlowProcessor PROCESSOR;

        static {
            Map<String, String> env = System.getenv();
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
            PROCESSOR = fromEnvironment(env, defaultClient(env), out::println);
        }
    }
}
