package dev.flowrules.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's {@code includes} walk is the loader's: what a link brings from outside the rules directory is not
 * read, and each such link is an FR016 error, as without includes. The real Maven runs are in src/it.
 */
class ValidateMojoTest {
    static final String RULE = "version: 1\nrules: [{id: %1$s, when: {content: {contains: %1$s}}, then: [deny]}]\n";

    @TempDir
    Path temp;
    Path rules;
    Path secret;
    final List<String> logged = new ArrayList<>();

    @BeforeEach
    void project() throws IOException {
        rules = Files.createDirectories(temp.resolve("project/rules"));
        Files.writeString(rules.resolve("chosen.rules.yaml"), RULE.formatted("chosen"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        secret = Files.writeString(elsewhere.resolve("app.rules.yaml"), "password: hunter2\n");
    }

    @Test
    void aLinkedRuleFileOutsideTheDirectoryIsRefusedWithTheLoadersError() throws IOException {
        Files.createSymbolicLink(rules.resolve("app.rules.yaml"), secret);
        assertThatThrownBy(() -> mojo(List.of("**/*.rules.yaml")).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("flowrules: 1 error, 0 warnings in 1 file");
        String link = rules.resolve("app.rules.yaml").toAbsolutePath().normalize().toString();
        assertThat(logged).contains("ERROR " + link + ":1:1: error: the file is a link to a place outside "
                + shown(rules) + ", so it was not read [FR016]\n  hint: copy the file into the rules directory instead of linking to it");
        assertThat(String.join("\n", logged)).doesNotContain("hunter2").doesNotContain("password");
    }

    @Test
    void aLinkedDirectoryOutsideIsRefusedAndNothingInItIsRead() throws IOException {
        Files.createSymbolicLink(rules.resolve("shared"), secret.getParent());
        assertThatThrownBy(() -> mojo(List.of("**/*.rules.yaml")).execute()).isInstanceOf(MojoFailureException.class);
        String link = rules.resolve("shared").toAbsolutePath().normalize().toString();
        assertThat(logged).contains("ERROR " + link + ":1:1: error: the directory is a link to a place outside "
                + shown(rules) + ", so nothing in it was read [FR016]\n  hint: copy the files into the rules directory"
                + " instead of linking to their directory");
        assertThat(String.join("\n", logged)).doesNotContain("hunter2");
    }

    @Test
    void withoutIncludesTheSameLinksGetTheSameErrors() throws IOException {
        Files.createSymbolicLink(rules.resolve("app.rules.yaml"), secret);
        Files.createSymbolicLink(rules.resolve("shared"), secret.getParent());
        List<String> withIncludes = errors(List.of("**/*.rules.yaml"));
        List<String> without = errors(List.of());
        assertThat(withIncludes).hasSize(2).isEqualTo(without);
    }

    @Test
    void aLinkThatStaysInsideIsRead() throws Exception {
        Path shared = Files.createDirectories(rules.resolve("shared"));
        Files.writeString(shared.resolve("real.yaml"), RULE.formatted("real"));
        Files.createSymbolicLink(rules.resolve("alias.rules.yaml"), Path.of("shared/real.yaml"));
        mojo(List.of("**/*.rules.yaml")).execute();
        assertThat(logged).containsExactly("INFO flowrules: 2 rule(s) in 2 file(s) are valid");
    }

    @Test
    void hiddenFilesAreLeftOutWithAndWithoutIncludes() throws Exception {
        // docs/validate.md: the goal walks as validate does, hidden files and directories left out.
        Files.writeString(rules.resolve(".draft.yaml"), "version: 1\nrules: [{id: draft, when: {contnet: x}\n");
        Files.writeString(Files.createDirectories(rules.resolve(".git")).resolve("x.yaml"), "rules: [: broken\n");
        for (List<String> includes : List.of(List.of("**/*.yaml"), List.<String>of())) {
            logged.clear();
            mojo(includes).execute();
            assertThat(logged).as("includes %s", includes).containsExactly("INFO flowrules: 1 rule(s) in 1 file(s) are valid");
        }
    }

    private List<String> errors(List<String> includes) {
        logged.clear();
        assertThatThrownBy(() -> mojo(includes).execute()).isInstanceOf(MojoFailureException.class);
        return logged.stream().filter(line -> line.startsWith("ERROR ")).toList();
    }

    /** The loader prints paths below the working directory relative to it. */
    private static String shown(Path path) {
        return dev.flowrules.dsl.RuleLoader.displayName(path);
    }

    private ValidateMojo mojo(List<String> includes) {
        ValidateMojo mojo = new ValidateMojo();
        set(mojo, "rules", List.of(new File(rules.toString())));
        set(mojo, "includes", includes);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("WARN " + content);
            }

            @Override
            public void error(CharSequence content) {
                logged.add("ERROR " + content);
            }
        });
        return mojo;
    }

    private static void set(ValidateMojo mojo, String name, Object value) {
        try {
            Field field = ValidateMojo.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(mojo, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
