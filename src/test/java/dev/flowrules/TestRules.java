package dev.flowrules;

import dev.flowrules.check.RuleChecker;
import dev.flowrules.compile.RuleSet;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.event.Message;
import dev.flowrules.event.PushNotification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds rule sets and messages for unit tests. */
public final class TestRules {
    public static final String CHANNEL = "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/channel/ch-1";
    public static final String CALLBACK_ID = "0123456789abcdef0123456789abcdef";

    private TestRules() {
    }

    /** Compiles rules written as the body of a 'rules:' list (version line added). */
    public static RuleSet compile(String rulesYaml) {
        return RuleSet.compile(files(rulesYaml));
    }

    /** An engine over rules written as the body of a 'rules:' list. */
    public static Engine engine(String rulesYaml) {
        return Engine.of(files(rulesYaml));
    }

    private static List<RuleFile> files(String rulesYaml) {
        String text = "version: 1\nrules:\n" + rulesYaml.stripIndent();
        LoadResult result = RuleLoader.parse("test.yaml", text.getBytes(StandardCharsets.UTF_8), null);
        var all = new java.util.ArrayList<>(result.diagnostics());
        all.addAll(RuleChecker.check(result.files()));
        if (all.stream().anyMatch(d -> d.isError())) {
            throw new RuleLoadException(all);
        }
        return result.files();
    }

    public static Message message(String content) {
        return new Message("msg-1", CHANNEL, content, null, null, "arn:aws:chime:us-east-1:111122223333:app-instance/app-1/user/u1",
                "Alice", null, "STANDARD", "PERSISTENT", PushNotification.NONE, Map.of());
    }

    public static Message withAttributes(Message message, String... nameValues) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(message.attributes());
        for (int i = 0; i < nameValues.length; i += 2) {
            attributes.put(nameValues[i], List.of(nameValues[i + 1].split(";", -1)));
        }
        return message.withAttributes(attributes);
    }

    /** Every text a request carries, in any field, attribute names included: where a removed text must not be. */
    public static List<String> everyText(software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest request) {
        var message = request.channelMessage();
        List<String> texts = new java.util.ArrayList<>();
        texts.add(message.content());
        texts.add(message.metadata());
        texts.add(message.contentType());
        if (message.pushNotification() != null) {
            texts.add(message.pushNotification().title());
            texts.add(message.pushNotification().body());
        }
        message.messageAttributes().forEach((name, value) -> {
            texts.add(name);
            texts.addAll(value.stringValues());
        });
        texts.removeIf(t -> t == null);
        return texts;
    }
}
