package dev.flowrules.dsl;

import static dev.flowrules.dsl.YamlReads.map;

import com.google.re2j.Pattern;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * How the actions of {@link Action#KEYWORDS} whose value takes more than one line to read are read: each
 * returns the action, or null after recording a diagnostic.
 */
final class ActionReaders {
    static final Set<String> REWRITE_KEYS = Set.of("regex", "with", "ignore-case");
    static final Set<String> PUSH_KEYS = Set.of("title", "body", "type");
    static final Set<String> BOT_REPLACE_KEYS = ConditionParser.withSelectorKeys("with");
    static final Set<String> BOT_APPEND_KEYS = Set.of("with", "type");

    private ActionReaders() {
    }

    /** Nothing, {@code true} or a reason. */
    static Action deny(YamlReads in, Node value, SourcePos at) {
        if (YamlReads.isNull(value)) {
            return new Action.Deny(null, at);
        }
        if (value instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.BOOL)) {
                Boolean flag = in.bool(value, "'deny'");
                if (flag != null && !flag) {
                    in.error(DiagnosticCode.FR013, in.pos(value), "'deny: false' does nothing", "remove the line");
                    return null;
                }
                return flag == null ? null : new Action.Deny(null, at);
            }
            return map(in.string(value, "the deny reason"), reason -> new Action.Deny(reason, at));
        }
        in.wrongType(value, "'deny'", "a reason (text) or nothing", "e.g. '- deny: profanity'");
        return null;
    }

    /** {@code {regex, with, ignore-case}}; {@code redact} also takes the bare pattern. */
    static Action rewrite(YamlReads in, String keyword, Node value, SourcePos at) {
        boolean redact = keyword.equals("redact");
        if (redact && value instanceof ScalarNode && !YamlReads.isNull(value)) {
            String pattern = in.regex(value, false);
            return pattern == null ? null : new Action.RewriteContent(keyword, pattern, false, null, at);
        }
        Map<String, NodeTuple> keys = in.mapping(value, "'" + keyword + "'", REWRITE_KEYS);
        if (keys == null) {
            return null;
        }
        NodeTuple regexKey = keys.get("regex");
        NodeTuple withKey = keys.get("with");
        if (regexKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(value), "'" + keyword + "' needs a 'regex'",
                    "e.g. '" + keyword + ": {regex: \"\\\\d{12}\"" + (redact ? "" : ", with: \"[account]\"") + "}'");
            return null;
        }
        if (!redact && withKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(value), "'rewrite' needs a 'with': the text each match becomes",
                    "e.g. 'with: \"[link removed]\"'; '$1' inserts the first group of the match");
            return null;
        }
        boolean ignoreCase = in.ignoreCase(keys);
        String pattern = in.nonEmptyString(regexKey.getValueNode(), "'regex'");
        Pattern compiled = pattern == null ? null : in.compiles(regexKey.getValueNode(), pattern, ignoreCase);
        if (compiled == null) {
            return null;
        }
        Template replacement = null;
        if (withKey != null) {
            replacement = in.template(withKey.getValueNode(), "'with'", true, compiled, ServiceLimits.CONTENT_MAX_BYTES, false);
            if (replacement == null) {
                return null;
            }
        }
        return new Action.RewriteContent(keyword, pattern, ignoreCase, replacement, at);
    }

    /** {@code set-metadata-keys: {tier: vip}}: JSON object keys (any text but empty) to templates. */
    static Action setMetadataKeys(YamlReads in, Node value, SourcePos at) {
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            in.wrongType(value, "'set-metadata-keys'", "a mapping of metadata keys to values",
                    "e.g. 'set-metadata-keys: {tier: vip, checked-by: \"{{sender.name}}\"}'");
            return null;
        }
        Map<String, Template> keys = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean failed = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = in.keyText(tuple);
            if (key == null || !in.checkDuplicate(seen, key, tuple)) {
                failed = true;
                continue;
            }
            if (key.isEmpty()) {
                in.error(DiagnosticCode.FR013, in.pos(tuple.getKeyNode()), "a metadata key must not be empty",
                        "name the key, e.g. 'tier: vip'");
                failed = true;
                continue;
            }
            Template template = in.template(tuple.getValueNode(), "the value of metadata key '" + key + "'", false, null,
                    ServiceLimits.METADATA_MAX, false);
            if (template == null) {
                failed = true;
            } else {
                keys.put(key, template);
            }
        }
        return failed ? null : new Action.SetMetadataKeys(java.util.Collections.unmodifiableMap(keys), at);
    }

    /** Attribute names to one value or a list of values, each a template. */
    static Action setAttributes(YamlReads in, Node value, SourcePos at) {
        if (!(value instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            in.wrongType(value, "'set-attributes'", "a mapping of attribute names to values",
                    "e.g. 'set-attributes: {priority: \"5\", tags: [urgent, billing]}'");
            return null;
        }
        Map<String, List<Template>> attributes = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean failed = false;
        for (NodeTuple tuple : mapping.getValue()) {
            String name = in.keyText(tuple);
            if (name == null || !in.checkDuplicate(seen, name, tuple) || !in.validAttributeName(tuple.getKeyNode(), name)) {
                failed = true;
                continue;
            }
            Node valuesNode = tuple.getValueNode();
            List<Node> valueNodes = valuesNode instanceof SequenceNode s ? s.getValue() : List.of(valuesNode);
            if (valueNodes.isEmpty()) {
                in.error(DiagnosticCode.FR013, in.pos(valuesNode), "the attribute '" + name + "' is given no value",
                        "give at least one value, or use 'remove-attributes' to remove it");
                failed = true;
                continue;
            }
            List<Template> templates = new ArrayList<>();
            for (Node valueNode : valueNodes) {
                Template template = in.template(valueNode, "the value of '" + name + "'", false, null,
                        ServiceLimits.ATTRIBUTE_VALUE_MAX, true);
                if (template == null) {
                    failed = true;
                } else {
                    templates.add(template);
                }
            }
            attributes.put(name, List.copyOf(templates));
        }
        if (failed) {
            return null;
        }
        Map<String, List<String>> literal = new LinkedHashMap<>();
        attributes.forEach((name, templates) -> literal.put(name, templates.stream().map(Template::source).toList()));
        if (attributes.values().stream().flatMap(List::stream).allMatch(Template::isLiteral)
                && ServiceLimits.attributesBytes(literal) > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
            in.error(DiagnosticCode.FR014, in.pos(value), "these attributes take " + ServiceLimits.attributesBytes(literal)
                            + " bytes; a message's attributes may take at most " + ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES + " bytes in all",
                    "use shorter names or values");
            return null;
        }
        return new Action.SetAttributes(Collections.unmodifiableMap(attributes), at);
    }

    static Action setPush(YamlReads in, Node value, SourcePos at) {
        Map<String, NodeTuple> keys = in.mapping(value, "'set-push'", PUSH_KEYS);
        if (keys == null) {
            return null;
        }
        if (keys.isEmpty()) {
            in.error(DiagnosticCode.FR004, in.pos(value), "'set-push' sets nothing",
                    "give a 'title', a 'body' and/or a 'type' (DEFAULT or VOIP)");
            return null;
        }
        boolean failed = false;
        Template title = null;
        Template body = null;
        String type = null;
        if (keys.containsKey("title")) {
            title = in.template(keys.get("title").getValueNode(), "the push title", false, null, ServiceLimits.PUSH_TITLE_MAX, true);
            failed |= title == null;
        }
        if (keys.containsKey("body")) {
            body = in.template(keys.get("body").getValueNode(), "the push body", false, null, ServiceLimits.PUSH_BODY_MAX, true);
            failed |= body == null;
        }
        if (keys.containsKey("type")) {
            Node typeNode = keys.get("type").getValueNode();
            type = in.string(typeNode, "the push type");
            if (type != null && !type.equals("DEFAULT") && !type.equals("VOIP")) {
                var suggestion = Suggest.closest(type, List.of("DEFAULT", "VOIP"));
                in.error(DiagnosticCode.FR013, in.pos(typeNode), "the push type must be DEFAULT or VOIP, not '" + type + "'",
                        suggestion.map(s -> "did you mean '" + s + "'?").orElse("write DEFAULT or VOIP in capitals"));
                type = null;
            }
            failed |= type == null;
        }
        return failed ? null : new Action.SetPush(title, body, type, at);
    }

    static Action setContentType(YamlReads in, Node value, SourcePos at) {
        String type = in.nonEmptyString(value, "'set-content-type'");
        if (type != null && ServiceLimits.length(type) > ServiceLimits.CONTENT_TYPE_MAX) {
            in.error(DiagnosticCode.FR014, in.pos(value), "the content type has " + ServiceLimits.length(type)
                            + " characters; the service allows at most " + ServiceLimits.CONTENT_TYPE_MAX,
                    "use a shorter content type, e.g. 'text/plain'");
            return null;
        }
        return type == null ? null : new Action.SetContentType(type, at);
    }

    static Action botReplaceMessage(YamlReads in, Node value, SourcePos at) {
        BotSelector selector = in.conditions().botSelector(value, "'bot-replace-message'", BOT_REPLACE_KEYS);
        if (selector == null) {
            return null;
        }
        NodeTuple with = value instanceof MappingNode mapping ? mapping.getValue().stream()
                .filter(t -> "with".equals(YamlReads.scalarText(t.getKeyNode()))).findFirst().orElse(null) : null;
        if (with == null) {
            in.error(DiagnosticCode.FR004, in.pos(value), "'bot-replace-message' needs 'with': the text of the new message",
                    "e.g. 'bot-replace-message: {index: 1, with: \"Let me get a person for you.\"}'");
            return null;
        }
        // Without a selector it would be the whole answer, which has its own action.
        if (selector.index() == null && selector.parts().isEmpty()) {
            in.error(DiagnosticCode.FR013, in.pos(value), "'bot-replace-message' selects every message",
                    "say which message to replace, e.g. '{index: 1, with: ...}' or '{type: ImageResponseCard, with: ...}';"
                            + " to replace the whole answer by one text use 'bot-replace-answer: TEXT'");
            return null;
        }
        Template text = in.template(with.getValueNode(), "'with'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
        return text == null ? null : new Action.BotReplaceMessage(selector, text, at);
    }

    static Action botDropMessages(YamlReads in, Node value, SourcePos at) {
        BotSelector selector = in.conditions().botSelector(value, "'bot-drop-messages'", ConditionParser.BOT_SELECTOR_KEYS);
        if (selector != null && selector.index() == null && selector.parts().isEmpty()) {
            in.error(DiagnosticCode.FR013, in.pos(value), "'bot-drop-messages' selects every message",
                    "say which messages to drop, e.g. '{type: CustomPayload}' or '{index: 2}'; to drop the whole answer use 'deny'");
            return null;
        }
        return selector == null ? null : new Action.BotDropMessages(selector, at);
    }

    static Action botAppendMessage(YamlReads in, Node value, SourcePos at) {
        if (value instanceof ScalarNode) {
            Template text = in.template(value, "'bot-append-message'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
            return text == null ? null : new Action.BotAppendMessage(text, "PlainText", at);
        }
        Map<String, NodeTuple> keys = in.mapping(value, "'bot-append-message'", BOT_APPEND_KEYS);
        if (keys == null) {
            return null;
        }
        if (!keys.containsKey("with")) {
            in.error(DiagnosticCode.FR004, in.pos(value), "'bot-append-message' needs 'with': the text of the new message",
                    "e.g. 'bot-append-message: {with: \"Anything else?\"}'");
            return null;
        }
        String type = "PlainText";
        if (keys.containsKey("type")) {
            Node typeNode = keys.get("type").getValueNode();
            type = in.string(typeNode, "the message type");
            if (type != null && !type.equals("PlainText") && !type.equals("SSML")) {
                in.error(DiagnosticCode.FR013, in.pos(typeNode), "an appended bot message is PlainText or SSML, not '" + type + "'",
                        Suggest.closest(type, List.of("PlainText", "SSML")).map(x -> "did you mean '" + x + "'?")
                                .orElse("write PlainText or SSML"));
                return null;
            }
        }
        Template text = in.template(keys.get("with").getValueNode(), "'with'", false, null, ServiceLimits.CONTENT_MAX_BYTES, true);
        return text == null || type == null ? null : new Action.BotAppendMessage(text, type, at);
    }

    /** {@code stop: true}; {@code stop: false} is refused as a line that does nothing. */
    static Action stop(YamlReads in, Node value, SourcePos at) {
        Boolean flag = in.bool(value, "'stop'");
        if (flag != null && !flag) {
            in.error(DiagnosticCode.FR013, in.pos(value), "'stop: false' does nothing", "remove the line");
        }
        return flag == null || !flag ? null : new Action.Stop(at);
    }
}
