package dev.flowrules.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a rule's {@code then}: a list of actions, each looked up by name in {@link Action#KEYWORDS}. */
final class ActionParser {
    private static final Map<String, ActionKeyword> ACTIONS = byName();
    static final Set<String> ACTION_KEYS = Set.copyOf(ACTIONS.keySet());

    private final YamlReads in;

    ActionParser(YamlReads in) {
        this.in = in;
    }

    private static Map<String, ActionKeyword> byName() {
        Map<String, ActionKeyword> byName = new LinkedHashMap<>();
        for (ActionKeyword keyword : Action.KEYWORDS) {
            if (byName.put(keyword.name(), keyword) != null) {
                throw new IllegalStateException("action keyword '" + keyword.name() + "' is declared twice");
            }
        }
        return byName;
    }

    List<Action> actions(Node node) {
        List<Node> items;
        if (node instanceof SequenceNode sequence) {
            items = sequence.getValue();
        } else if (node instanceof ScalarNode || node instanceof MappingNode) {
            items = List.of(node);
        } else {
            in.wrongType(node, "'then'", "a list of actions", "e.g. 'then: [deny]'");
            return null;
        }
        if (items.isEmpty() || YamlReads.isNull(node)) {
            in.error(DiagnosticCode.FR004, in.pos(node), "'then' has no actions", "add one, e.g. '- deny'");
            return null;
        }
        List<Action> actions = new ArrayList<>();
        boolean failed = false;
        for (Node item : items) {
            Action action = action(item);
            if (action == null) {
                failed = true;
            } else {
                actions.add(action);
            }
        }
        return failed ? null : List.copyOf(actions);
    }

    private Action action(Node item) {
        if (item instanceof ScalarNode scalar && !YamlReads.isNull(item)) {
            ActionKeyword keyword = ACTIONS.get(scalar.getValue());
            if (keyword == null || !keyword.allowsBareWord()) {
                unknownAction(item, scalar.getValue());
                return null;
            }
            return keyword.bare(in.pos(item));
        }
        if (!(item instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            in.wrongType(item, "an action", "an action such as 'deny' or 'set-push: {...}'",
                    "start each action with '- ' on its own line");
            return null;
        }
        if (mapping.getValue().size() > 1) {
            NodeTuple second = mapping.getValue().get(1);
            in.error(DiagnosticCode.FR013, in.pos(second.getKeyNode()), "one list item holds more than one action",
                    "start each action with its own '- ', e.g. '- set-metadata: ...' then '- stop'");
            return null;
        }
        NodeTuple tuple = mapping.getValue().get(0);
        String name = in.keyText(tuple);
        if (name == null) {
            return null;
        }
        ActionKeyword keyword = ACTIONS.get(name);
        if (keyword == null) {
            unknownAction(tuple.getKeyNode(), name);
            return null;
        }
        return keyword.read(in, tuple.getValueNode(), in.pos(tuple.getKeyNode()));
    }

    /** Words authors write for an action by another name; spelling distance alone would not find these. */
    private static final Map<String, String> MEANT = Map.of("delete", "deny", "block", "deny", "reject", "deny",
            "drop", "deny", "discard", "deny", "ban", "deny", "censor", "redact", "mask", "redact", "replace", "rewrite");

    private void unknownAction(Node node, String keyword) {
        var suggestion = Optional.ofNullable(MEANT.get(keyword.toLowerCase(Locale.ROOT)))
                .or(() -> Suggest.closest(keyword, ACTION_KEYS));
        in.error(DiagnosticCode.FR007, in.pos(node), "unknown action '" + keyword + "'",
                suggestion.map(s -> "did you mean '" + s + "'?")
                        .orElse("actions: " + String.join(", ", ACTION_KEYS.stream().sorted().toList())));
    }
}
