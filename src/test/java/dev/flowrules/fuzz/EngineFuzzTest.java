package dev.flowrules.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flowrules.Engine;
import dev.flowrules.callback.CallbackMapper;
import dev.flowrules.callback.RequestLimits;
import dev.flowrules.eval.Decision;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.event.LexContent;
import dev.flowrules.event.Message;
import dev.flowrules.event.ProcessorEvent;
import dev.flowrules.event.PushNotification;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any event bytes, and any message fields, through the example rules: no exception but InvalidEventException
 * for an unanswerable event, and never a request that breaks a service limit.
 */
class EngineFuzzTest {
    static final Engine ENGINE = Engine.fromRules(Path.of("rules-examples"));

    @FuzzTest(maxDuration = "60s")
    void anyEventBytes(byte[] bytes) {
        try {
            Engine.Processed processed = ENGINE.process(bytes);
            check(processed.event(), processed.request());
        } catch (InvalidEventException expected) {
            // an event without its ids, or not JSON: refused with a message, which is the contract
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyMessageFields(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {LexContent.MESSAGES_TYPE, LexContent.ERROR_TYPE, "text/markdown", "text/plain"});
        String content = data.consumeString(6000);
        String metadata = data.consumeString(1200);
        String senderArn = data.consumeString(64);
        String senderName = data.consumeString(64);
        String subChannel = data.consumeBoolean() ? "sub-1" : null;
        PushNotification push = new PushNotification(data.consumeString(80), data.consumeString(200), data.consumeString(8));
        // The fuzzed name may equal one of the fixed names (Map.of would throw on its own duplicate key): later wins,
        // as in a JSON object read by the event parser.
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(data.consumeString(70), List.of(data.consumeString(600)));
        attributes.put("priority", List.of(data.consumeString(8)));
        attributes.put("CHIME.LEX.sessionState.intent.name", List.of(data.consumeRemainingAsString()));
        Message message = new Message("m-1", "arn:aws:chime:us-east-1:1:app-instance/a/channel/c",
                content, contentType, metadata, senderArn, senderName, subChannel, "STANDARD", "PERSISTENT", push,
                attributes);
        ProcessorEvent event = new ProcessorEvent("CHANNEL_MESSAGE_EVENT", "0123456789abcdef0123456789abcdef", message);
        Decision decision = ENGINE.evaluate(event);
        check(event, CallbackMapper.toRequest(event, decision));
    }

    private static void check(ProcessorEvent event, software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest request) {
        List<String> violations = RequestLimits.violations(event, request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("request breaks the service's limits: " + violations);
        }
    }
}
