package dev.flowrules;

import dev.flowrules.callback.CallbackMapper;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleIds;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.eval.Decision;
import dev.flowrules.eval.Evaluator;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.patterns.Patterns;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;

/**
 * The embedding API: rules loaded and compiled once; then one call per processor event. Immutable and
 * thread-safe. Loading checks what makes rules unusable (errors, duplicate ids) and nothing more: the warnings
 * of {@code validate} ({@code check.RuleChecker}) belong to the authoring tools, not to a Lambda's cold start.
 *
 * <pre>{@code
 * Engine engine = Engine.fromRules(Path.of("rules"));
 * ChannelFlowCallbackRequest request = engine.request(eventJson);
 * }</pre>
 */
public final class Engine {
    private final RuleSet rules;

    private Engine(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * {@link #fromRules(List)} for inputs written out; the usual call at a Lambda's init.
     *
     * @param inputs rule files and directories
     * @return a ready engine
     * @throws RuleLoadException listing every error, each as {@code file:line:column: error: ...}
     */
    public static Engine fromRules(Path... inputs) {
        return fromRules(List.of(inputs));
    }

    /**
     * Loads rule files and directories (every {@code .yaml} below a directory, rule tests left out), refuses
     * them on any error or duplicate rule id and compiles them. Warnings are not computed here: they belong to
     * {@code validate}. Call it once and share the engine: loading reads and compiles every file.
     *
     * @param inputs rule files and directories
     * @return a ready engine
     * @throws RuleLoadException listing every error, each as {@code file:line:column: error: ...}
     */
    public static Engine fromRules(List<Path> inputs) {
        // one load: each pattern the loader compiles to validate it is the one the compiler keeps
        return Patterns.oneLoad(() -> {
            LoadResult loaded = RuleLoader.load(inputs);
            LoadResult result = loaded.with(RuleIds.duplicates(loaded.declaredIds()));
            if (result.hasErrors()) {
                throw new RuleLoadException(result.diagnostics());
            }
            return new Engine(RuleSet.compile(result.files()));
        });
    }

    /**
     * An engine over rule files already loaded by {@link RuleLoader#load(List)}, e.g. from a temporary copy. The
     * caller has refused a {@link LoadResult} with errors: the files are compiled as they are, so a file the
     * loader gave up on contributes only the rules it read.
     *
     * @param files the files of a load result without errors
     * @return a ready engine
     */
    public static Engine of(List<RuleFile> files) {
        return new Engine(RuleSet.compile(files));
    }

    /**
     * How many rules this engine evaluates, e.g. for a log line at start-up.
     *
     * @return the number of compiled rules, zero for empty rule files
     */
    public int ruleCount() {
        return rules.rules().size();
    }

    /**
     * The compiled rules, for the engine's own tools and tests that evaluate without building a request. Not
     * part of the supported API: the type is internal (its package is not exported by the module).
     *
     * @return the immutable compiled program
     */
    public RuleSet rules() {
        return rules;
    }

    /**
     * The decision for a parsed event, with its explanation. Evaluation does not throw: a rule that fails is
     * reported in the decision's notes and treated as not matching.
     *
     * @param event an event as {@link EventParser} reads it
     * @return what the rules decided, and why
     */
    public Decision evaluate(ProcessorEvent event) {
        return Evaluator.evaluate(rules, event.message());
    }

    /**
     * Parses the event, evaluates it and builds the request: what a channel-flow processor does per message.
     *
     * @param eventJson the event as Chime sends it to the processor Lambda (UTF-8 JSON)
     * @return the event, the decision and the request, for callers that also log or explain
     * @throws dev.flowrules.event.InvalidEventException when the event is not one Chime sends, with the place
     *         and a hint; nothing is evaluated then
     */
    public Processed process(byte[] eventJson) {
        ProcessorEvent event = EventParser.parse(eventJson);
        Decision decision = evaluate(event);
        return new Processed(event, decision, CallbackMapper.toRequest(event, decision));
    }

    /**
     * {@link #process(byte[])} for an event held as text.
     *
     * @param eventJson the event as Chime sends it
     * @return the event, the decision and the request
     * @throws dev.flowrules.event.InvalidEventException when the event is not one Chime sends
     */
    public Processed process(String eventJson) {
        return process(eventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Only the request to send back to Chime, for callers that need neither the decision nor the event.
     *
     * @param eventJson the event as Chime sends it (UTF-8 JSON)
     * @return the request for {@code ChannelFlowCallback}
     * @throws dev.flowrules.event.InvalidEventException when the event is not one Chime sends
     */
    public ChannelFlowCallbackRequest request(byte[] eventJson) {
        return process(eventJson).request();
    }

    /**
     * {@link #request(byte[])} for an event held as text.
     *
     * @param eventJson the event as Chime sends it
     * @return the request for {@code ChannelFlowCallback}
     * @throws dev.flowrules.event.InvalidEventException when the event is not one Chime sends
     */
    public ChannelFlowCallbackRequest request(String eventJson) {
        return process(eventJson).request();
    }

    /**
     * One event's way through the engine, for callers that also log or explain.
     *
     * @param event the event as read
     * @param decision what the rules decided, with the explanation
     * @param request what to send back to Chime
     */
    public record Processed(ProcessorEvent event, Decision decision, ChannelFlowCallbackRequest request) {
    }
}
