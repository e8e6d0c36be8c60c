package dev.flowrules.bench;

import dev.flowrules.Engine;
import dev.flowrules.event.EventParser;
import dev.flowrules.event.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
import software.amazon.event.ruler.Machine;

/**
 * The shared-subset rules ({@link Moderation#shared}) in every contender's notation, each fed the same event
 * bytes: this engine, event-ruler ({@code rulesForJSONEvent}, its documented JSON entry), Easy Rules with MVEL
 * (compiled expressions) and a hand-written loop over precompiled tests that allocates nothing per rule.
 */
final class SharedSubset {
    final Engine engine;
    final Machine ruler = new Machine();
    final Rules easyRules = new Rules();
    final DefaultRulesEngine easyEngine = new DefaultRulesEngine();
    final List<Predicate<Message>> naive = new ArrayList<>();

    SharedSubset(int count) throws Exception {
        engine = Engine.fromRules(Moderation.writeRules(count, true));
        for (int i = 0; i < count; i++) {
            ruler.addRule("r" + i, Moderation.shared(i)[1]);
            easyRules.register(new MVELRule().name("r" + i).priority(i).when(mvel(i)).then("true;"));
            naive.add(naive(i));
        }
    }

    static String mvel(int i) {
        return switch (i % 5) {
            case 0 -> "attributes['topic'] == 'topic-" + i + "'";
            case 1 -> "content.startsWith('cmd-" + i + " ')";
            case 2 -> "attributes['team'] != null && attributes['team'].equalsIgnoreCase('Team-" + i + "')";
            case 3 -> "content.contains('promo-" + i + "')";
            default -> "attributes.containsKey('flag-" + i + "')";
        };
    }

    static Predicate<Message> naive(int i) {
        String topic = "topic-" + i;
        String prefix = "cmd-" + i + " ";
        String team = "Team-" + i;
        String promo = "promo-" + i;
        String flag = "flag-" + i;
        return switch (i % 5) {
            case 0 -> m -> has(m, "topic", topic, false);
            case 1 -> m -> m.content() != null && m.content().startsWith(prefix);
            case 2 -> m -> has(m, "team", team, true);
            case 3 -> m -> m.content() != null && m.content().contains(promo);
            default -> m -> m.attributes().containsKey(flag);
        };
    }

    private static boolean has(Message message, String name, String value, boolean ignoreCase) {
        List<String> values = message.attributes().get(name);
        if (values == null) {
            return false;
        }
        for (int v = 0; v < values.size(); v++) {
            if (ignoreCase ? values.get(v).equalsIgnoreCase(value) : values.get(v).equals(value)) {
                return true;
            }
        }
        return false;
    }

    List<String> ruler(byte[] event) throws Exception {
        return ruler.rulesForJSONEvent(new String(event, StandardCharsets.UTF_8));
    }

    Map<org.jeasy.rules.api.Rule, Boolean> easyRules(byte[] event) {
        Message message = EventParser.parse(event).message();
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, values) -> attributes.put(name, values.isEmpty() ? null : values.get(0)));
        Facts facts = new Facts();
        facts.put("content", message.content() == null ? "" : message.content());
        facts.put("attributes", attributes);
        return easyEngine.check(easyRules, facts);
    }

    int naive(byte[] event) {
        Message message = EventParser.parse(event).message();
        int matched = 0;
        for (int r = 0; r < naive.size(); r++) {
            if (naive.get(r).test(message)) {
                matched++;
            }
        }
        return matched;
    }
}
