package dev.flowrules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What docs/install.md promises an embedder: {@code validate} and {@code eval} run without the optional artifacts
 * (url-connection-client, aws-lambda-java-core, slf4j-nop) and load none of the SDK's HTTP machinery, client,
 * credentials or regions, nor Lambda's runtime interface. Each command runs in a fresh JVM whose class path lacks
 * the optional jars, with {@code -Xlog:class+load} listing every class it loads. The Maven goal's own class realm
 * is checked by the invoker run src/it/lean-realm.
 */
class LeanClasspathTest {
    /** The optional dependencies of pom.xml: only the Lambda handler and the shaded jar need them. */
    static final List<String> OPTIONAL_JARS = List.of("url-connection-client-", "aws-lambda-java-core-", "slf4j-nop-");

    /** The SDK's HTTP client SPI and implementations, its request pipeline, client, credentials and regions. */
    static final Pattern HTTP_MACHINERY = Pattern.compile(" (software\\.amazon\\.awssdk\\.(http|auth|regions"
            + "|core\\.internal\\.http|core\\.client|awscore\\.client)\\."
            + "|software\\.amazon\\.awssdk\\.services\\.chimesdkmessaging\\.[A-Z]"
            + "|com\\.amazonaws\\.services\\.lambda\\.)");

    @TempDir
    Path dir;

    @Test
    void validateRunsTheRuleTestsWithoutTheOptionalJarsAndLoadsNoSdkClassAtAll() throws Exception {
        Loaded run = run(OPTIONAL_JARS, Main.class, "validate", "rules-examples");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("rule tests:").contains("passed");
        assertThat(run.classes()).as("the rule tests ran in this JVM")
                .anyMatch(line -> line.contains(" dev.flowrules.ruletest.RuleTests "));
        assertThat(run.classes()).noneMatch(line -> HTTP_MACHINERY.matcher(line).find());
        // Stronger, and true today: rule tests compare decisions, they build no request.
        assertThat(run.classes()).noneMatch(line -> line.contains(" software.amazon."));
    }

    @Test
    void evalBuildsRequestsFromTheSdkModelAloneWithoutTheOptionalJars() throws Exception {
        Loaded run = run(OPTIONAL_JARS, Main.class, "eval", "--rules", "rules-examples", "--event", "rules-examples/events");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.classes()).as("the request is the SDK's model class")
                .anyMatch(line -> line.contains(" software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest "));
        assertThat(run.classes()).noneMatch(line -> HTTP_MACHINERY.matcher(line).find());
    }

    @Test
    void theReadyHandlerWithoutTheHttpClientAndTheBindingFailsAtInitNamingTheMissingClass() throws Exception {
        // What docs/install.md tells an embedder who deploys the handler from a jar of their own.
        Loaded run = run(List.of("url-connection-client-", "slf4j-nop-"), dev.flowrules.lambda.LocalInvoke.class,
                "rules-examples/events/" + firstEvent());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("NoClassDefFoundError: software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient")
                .contains("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\"");
    }

    /**
     * On the module path too: module-info requires the optional artifacts {@code static}, so the module resolves
     * without them. The module path holds the main dependencies only (the test ones would read one another as
     * automatic modules); a new main dependency must be added to the list below.
     */
    @Test
    void theModuleResolvesAndValidatesWithoutTheOptionalJars() throws Exception {
        List<String> mainDependencies = List.of("/software/amazon/awssdk/", "/software/amazon/eventstream/",
                "/org/reactivestreams/", "/com/fasterxml/jackson/core/jackson-core/", "/org/yaml/snakeyaml/",
                "/com/google/re2j/", "/org/slf4j/slf4j-api/");
        String modulePath = Stream.concat(Stream.of(Path.of("target", "classes").toString()),
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> mainDependencies.stream().anyMatch(entry.replace('\\', '/')::contains))
                        .filter(entry -> OPTIONAL_JARS.stream().noneMatch(jar -> Path.of(entry).getFileName().toString().startsWith(jar))))
                .collect(Collectors.joining(File.pathSeparator));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "dev.flowrules/" + Main.class.getName(), "validate", "rules-examples")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("rule tests:");
    }

    /**
     * docs/lambda.md: the dependency brings no SDK HTTP client, aws-lambda-java-core or SLF4J binding because
     * pom.xml declares each of them optional among the project's own dependencies.
     */
    @Test
    void theOptionalJarsAreDeclaredOptionalInThePom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        Map<String, String> optional = new TreeMap<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                List<Element> flag = children(dependency, "optional");
                optional.put(text(dependency, "artifactId"), flag.isEmpty() ? "" : flag.get(0).getTextContent().trim());
            }
        }
        assertThat(optional).as("the project's direct dependencies").isNotEmpty();
        for (String jar : OPTIONAL_JARS) {
            String artifact = jar.substring(0, jar.length() - 1);
            assertThat(optional).as(artifact).containsEntry(artifact, "true");
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " of a dependency").hasSize(1);
        return found.get(0).getTextContent().trim();
    }

    private static String firstEvent() throws IOException {
        try (var files = Files.list(Path.of("rules-examples", "events"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
                    .sorted().findFirst().orElseThrow();
        }
    }

    record Loaded(int exitCode, String output, List<String> classes) {
    }

    /** {@code main} of a fresh JVM whose class path is this test's without the jars named by their prefixes. */
    private Loaded run(List<String> without, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String lean = entries.stream()
                .filter(entry -> without.stream().noneMatch(jar -> Path.of(entry).getFileName().toString().startsWith(jar)))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(lean.split(File.pathSeparator)).as("the left-out jars were on the test class path")
                .hasSize(entries.size() - without.size());
        Path log = dir.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", lean, main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The handler's settings, as Lambda gives them; nothing from this machine's AWS configuration.
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("FLOWRULES_"));
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("FLOWRULES_RULES", "rules-examples");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        return new Loaded(process.exitValue(), output, Files.readAllLines(log));
    }
}
