package dev.flowrules.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule file's node tree into the rule model. Every problem becomes a diagnostic and parsing goes on
 * with the next key, so one run reports everything; a part with an error is left out of the result. The
 * file and rule keys are read here; conditions by {@link ConditionParser}, actions by {@link ActionParser}.
 */
final class RuleFileParser {
    static final int SUPPORTED_VERSION = 1;

    static final Set<String> FILE_KEYS = Set.of("version", "description", "rules");
    static final Set<String> RULE_KEYS = Set.of("id", "description", "enabled", "when", "then");

    private final String file;
    private final YamlReads in;
    private final ActionParser actions;
    private final List<LoadResult.DeclaredId> declaredIds = new ArrayList<>();

    RuleFileParser(String file, java.nio.file.Path baseDir, OneLoad load) {
        this.file = file;
        this.in = new YamlReads(file, baseDir, load);
        this.actions = new ActionParser(in);
    }

    List<Diagnostic> diagnostics() {
        return in.diagnostics();
    }

    List<LoadResult.DeclaredId> declaredIds() {
        return declaredIds;
    }

    RuleFile parseFile(Node root) {
        if (root == null || YamlReads.isNull(root)) {
            in.error(DiagnosticCode.FR010, new SourcePos(file, 1, 1), "the rule file is empty",
                    "start it with 'version: 1' and a 'rules:' list; see docs/rules.md");
            return null;
        }
        Map<String, NodeTuple> keys = in.mapping(root, "the rule file", FILE_KEYS);
        if (keys == null) {
            return null;
        }
        Integer version = null;
        NodeTuple versionKey = keys.get("version");
        if (versionKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(root), "the rule file has no 'version'",
                    "add 'version: 1' as the first line");
        } else {
            String text = YamlReads.scalarText(versionKey.getValueNode());
            if (!String.valueOf(SUPPORTED_VERSION).equals(text)) {
                in.error(DiagnosticCode.FR011, in.pos(versionKey.getValueNode()),
                        "unsupported format version '" + (text == null ? "(not a number)" : text) + "'",
                        "this engine reads 'version: " + SUPPORTED_VERSION + "'");
            } else {
                version = SUPPORTED_VERSION;
            }
        }
        NodeTuple rulesKey = keys.get("rules");
        if (rulesKey == null) {
            in.error(DiagnosticCode.FR010, in.pos(root), "the rule file has no 'rules' list",
                    "add 'rules:' followed by rules, each starting with '- id: ...'");
            return null;
        }
        Node rulesNode = rulesKey.getValueNode();
        if (YamlReads.isNull(rulesNode) || (rulesNode instanceof SequenceNode s && s.getValue().isEmpty())) {
            in.error(DiagnosticCode.FR010, in.pos(rulesKey.getKeyNode()), "the 'rules' list is empty",
                    "add at least one rule, starting with '- id: ...'");
            return null;
        }
        if (!(rulesNode instanceof SequenceNode sequence)) {
            in.wrongType(rulesNode, "'rules'", "a list of rules", "start each rule with '- id: ...' on its own line");
            return null;
        }
        if (sequence.getValue().size() > LoaderLimits.MAX_RULES_PER_FILE) {
            in.error(DiagnosticCode.FR017, in.pos(rulesNode), "the file has " + sequence.getValue().size()
                    + " rules; a file may hold at most " + LoaderLimits.MAX_RULES_PER_FILE, "split the rules over several files");
            return null;
        }
        List<RuleDef> rules = new ArrayList<>();
        for (Node ruleNode : sequence.getValue()) {
            RuleDef rule = parseRule(ruleNode);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return version == null ? null : new RuleFile(file, version, List.copyOf(rules), in.pos(root));
    }

    private RuleDef parseRule(Node node) {
        Map<String, NodeTuple> keys = in.mapping(node, "a rule", RULE_KEYS);
        if (keys == null) {
            return null;
        }
        String id = null;
        NodeTuple idKey = keys.get("id");
        if (idKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(node), "the rule has no 'id'",
                    "give every rule a unique id, e.g. 'id: deny-profanity'");
        } else {
            id = in.string(idKey.getValueNode(), "'id'");
            if (id != null && !RuleIds.isValid(id)) {
                in.error(DiagnosticCode.FR013, in.pos(idKey.getValueNode()), "the rule id '" + id + "' is not a valid id",
                        "use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                id = null;
            }
            if (id != null) {
                declaredIds.add(new LoadResult.DeclaredId(id, in.pos(node)));
            }
        }
        String description = null;
        NodeTuple descriptionKey = keys.get("description");
        if (descriptionKey != null) {
            description = in.string(descriptionKey.getValueNode(), "'description'");
        }
        boolean enabled = true;
        NodeTuple enabledKey = keys.get("enabled");
        if (enabledKey != null) {
            Boolean value = in.bool(enabledKey.getValueNode(), "'enabled'");
            enabled = value == null || value;
        }
        Condition when = null;
        NodeTuple whenKey = keys.get("when");
        if (whenKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(node), "the rule" + named(id) + " has no 'when'",
                    "say which messages it applies to, e.g. 'when: {content: {contains: refund}}', or 'when: always'");
        } else {
            when = in.conditions().condition(whenKey.getValueNode(), 0);
        }
        List<Action> then = null;
        NodeTuple thenKey = keys.get("then");
        if (thenKey == null) {
            in.error(DiagnosticCode.FR004, in.pos(node), "the rule" + named(id) + " has no 'then'",
                    "say what to do, e.g. 'then: [deny]'");
        } else {
            then = actions.actions(thenKey.getValueNode());
        }
        if (id == null || when == null || then == null) {
            return null;
        }
        return new RuleDef(id, description, enabled, when, then, in.pos(node));
    }

    private static String named(String id) {
        return id == null ? "" : " '" + id + "'";
    }

}
