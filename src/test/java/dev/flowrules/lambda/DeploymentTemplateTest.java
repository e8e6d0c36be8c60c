package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The deployment template (src/deploy/template.yaml) linted by cfn-lint, as an operator would before deploying.
 * cfn-lint 1.51 predates AWS::Chime::ChannelFlow, so it gets that type's resource schema
 * (src/deploy/schemas) through --registry-schemas rather than having E3006 ignored. Skipped, saying why,
 * where cfn-lint is not installed (CI machines need not have it). cfn-lint does not check the properties of a
 * registry type against its schema, so this test does, for every resource of a type that has a schema there.
 */
class DeploymentTemplateTest {
    static final Path TEMPLATE = Path.of("src/deploy/template.yaml");
    static final Path SCHEMAS = Path.of("src/deploy/schemas");

    record Lint(int exitCode, String output) {
    }

    static Lint cfnLint(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("cfn-lint"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "cfn-lint is not on the PATH (pip install cfn-lint==1.51.0); the template was not linted");
            throw notInstalled;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint ends").isTrue();
        return new Lint(process.exitValue(), output);
    }

    @Test
    void theTemplatePassesCfnLint() throws Exception {
        Lint lint = cfnLint("--registry-schemas", SCHEMAS.toString(), "--", TEMPLATE.toString());
        assertThat(lint.output()).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    /** The schema is what makes the channel flow known: without it, cfn-lint 1.51 reports the type. */
    @Test
    void withoutTheSchemaCfnLintDoesNotKnowTheChannelFlow() throws Exception {
        Lint lint = cfnLint("--", TEMPLATE.toString());
        assertThat(lint.output()).contains("E3006").contains("AWS::Chime::ChannelFlow");
        assertThat(lint.output().lines().filter(line -> line.matches("^[EW]\\d{4} .*")))
                .as("nothing but the unknown type").allMatch(line -> line.startsWith("E3006"));
    }

    /** Every AWS::Chime::ChannelFlow in the template, each {@code !If} branch, against the shipped schema. */
    @Test
    void theChannelFlowPropertiesFollowTheResourceSchema() throws IOException {
        List<String> problems = registryTypeProblems(Files.readString(TEMPLATE));
        assertThat(problems).isEmpty();
        assertThat(resources(Files.readString(TEMPLATE), "AWS::Chime::ChannelFlow")).as("the check saw the flow").hasSize(1);
    }

    @Test
    void aMisspelledOrWrongChannelFlowPropertyFails() throws IOException {
        String template = Files.readString(TEMPLATE);
        assertThat(registryTypeProblems(template.replace("      ExecutionOrder: 1", "      ExecutionOrdr: 1")))
                .anyMatch(problem -> problem.contains("ExecutionOrdr"))
                .anyMatch(problem -> problem.contains("ExecutionOrder"));
        assertThat(registryTypeProblems(template.replace("InvocationType: ASYNC", "InvocationType: SYNC")))
                .singleElement().asString().contains("InvocationType");
        // one branch of an !If that the service would refuse is found too
        assertThat(registryTypeProblems(template.replace("!If [FailOpen, CONTINUE, ABORT]", "!If [FailOpen, CONTINUE, STOP]")))
                .singleElement().asString().contains("FallbackAction");
        // a read-only property cannot be set
        assertThat(registryTypeProblems(template.replace("      Name: flowrules\n      Processors:",
                "      Name: flowrules\n      ChannelFlowArn: arn:aws:chime:x\n      Processors:")))
                .singleElement().asString().contains("ChannelFlowArn").contains("read-only");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * For each resource whose type has a schema in src/deploy/schemas: its Properties validated against it, once
     * per combination of {@code !If} branches, and no read-only property set. Intrinsic functions other than
     * {@code !If} stand for a string (all the flow's uses of them are strings).
     */
    static List<String> registryTypeProblems(String template) throws IOException {
        List<String> problems = new ArrayList<>();
        try (var files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode schemaJson = JSON.readTree(Files.readString(file));
                Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson.toString());
                for (var resource : resources(template, schemaJson.get("typeName").asText()).entrySet()) {
                    for (JsonNode properties : branches(resource.getValue())) {
                        for (Error error : schema.validate(properties)) {
                            problems.add(resource.getKey() + ": " + error);
                        }
                        for (JsonNode pointer : schemaJson.path("readOnlyProperties")) {
                            // the schema's pointers start at the resource ("/properties/Name"), ours at its Properties
                            if (!properties.at(pointer.asText().replaceFirst("^/properties", "")).isMissingNode()) {
                                problems.add(resource.getKey() + ": " + pointer.asText() + " is read-only: the service sets it");
                            }
                        }
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The Properties of each resource of the type, by logical id, with intrinsic functions kept as tags. */
    static java.util.Map<String, Node> resources(String template, String type) {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(template));
        java.util.Map<String, Node> found = new java.util.LinkedHashMap<>();
        Node resources = member(root, "Resources");
        if (resources instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                Node typeNode = member(tuple.getValueNode(), "Type");
                if (typeNode instanceof ScalarNode scalar && scalar.getValue().equals(type)) {
                    Node properties = member(tuple.getValueNode(), "Properties");
                    found.put(((ScalarNode) tuple.getKeyNode()).getValue(),
                            properties == null ? new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(), null) : properties);
                }
            }
        }
        return found;
    }

    private static Node member(Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    /** The YAML as JSON, once for every choice of branch at each {@code !If} (or {@code Fn::If}). */
    static List<JsonNode> branches(Node node) {
        String tag = node.getTag().getValue();
        boolean longIf = node instanceof MappingNode m && m.getValue().size() == 1
                && ((ScalarNode) m.getValue().get(0).getKeyNode()).getValue().equals("Fn::If");
        if (tag.equals("!If") || longIf) {
            Node arguments = longIf ? ((MappingNode) node).getValue().get(0).getValueNode() : node;
            List<Node> items = ((SequenceNode) arguments).getValue();
            List<JsonNode> out = new ArrayList<>(branches(items.get(1)));
            out.addAll(branches(items.get(2)));
            return out;
        }
        if (tag.startsWith("!") || isLongIntrinsic(node)) {
            return List.of(JsonNodeFactory.instance.textNode("{" + tag + " intrinsic}"));
        }
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar(scalar));
        }
        List<JsonNode> out = List.of(node instanceof MappingNode ? JSON.createObjectNode() : JSON.createArrayNode());
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode partial : out) {
                    for (JsonNode value : branches(tuple.getValueNode())) {
                        next.add(((ObjectNode) partial.deepCopy()).set(key, value));
                    }
                }
                out = next;
            }
        } else {
            for (Node item : ((SequenceNode) node).getValue()) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode partial : out) {
                    for (JsonNode value : branches(item)) {
                        next.add(((ArrayNode) partial.deepCopy()).add(value));
                    }
                }
                out = next;
            }
        }
        return out;
    }

    private static boolean isLongIntrinsic(Node node) {
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1) {
            return false;
        }
        String key = ((ScalarNode) map.getValue().get(0).getKeyNode()).getValue();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /** YAML 1.1 scalars as CloudFormation reads them: plain integers and booleans typed, the rest strings. */
    private static JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        if (scalar.isPlain() && text.matches("-?\\d+")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        if (scalar.isPlain() && (text.equals("true") || text.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /** What an operator relies on is in the template, not only in the docs. */
    @Test
    void theTemplateSaysWhatDocsLambdaMdSays() throws IOException {
        String template = Files.readString(TEMPLATE);
        assertThat(template).contains("Runtime: java21").doesNotContain("java17")
                .contains("ApplyOn: PublishedVersions")
                .contains("Handler: dev.flowrules.lambda.ChannelFlowHandler::handleRequest")
                .contains("Action: chime:ChannelFlowCallback")
                .contains("Principal: messaging.chime.amazonaws.com")
                .contains("SourceArn: !Ref AppInstanceArn")
                .contains("MaximumRetryAttempts: 2").contains("MaximumEventAgeInSeconds: 3600")
                .contains("Type: SQS")
                .contains("Type: AWS::Chime::ChannelFlow").contains("InvocationType: ASYNC");
    }
}
