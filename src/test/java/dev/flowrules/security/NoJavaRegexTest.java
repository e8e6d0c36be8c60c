package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowrules.architecture.ClassFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture check (beside {@code architecture.ArchitectureTest}): no class of the engine refers to {@code java.util.regex} or to the String methods that
 * compile a java.util.regex pattern behind the scenes ({@code split}, {@code matches}, {@code replaceAll},
 * {@code replaceFirst}) or to {@code java.util.Scanner}. Every pattern goes through re2j, whose matching time is
 * linear in the input. The check reads the compiled classes' constant pools, so a fully qualified name, a
 * static import or a method reference cannot slip past it the way they could past a source grep.
 */
class NoJavaRegexTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Set<String> REGEX_STRING_METHODS = Set.of("split", "matches", "replaceAll", "replaceFirst");

    @Test
    void noEngineClassUsesJavaUtilRegex() throws IOException {
        assertThat(CLASSES.resolve("dev/flowrules/Engine.class")).exists();
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> walk = Files.walk(CLASSES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                scanned++;
                try (InputStream in = Files.newInputStream(file)) {
                    offences.addAll(offences(CLASSES.relativize(file).toString(), in));
                }
            }
        }
        assertThat(scanned).isGreaterThan(30);
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckRecognisesARealOffender() throws IOException {
        // This test class itself is clean; a JDK class known to use java.util.regex must be caught.
        try (InputStream in = Object.class.getResourceAsStream("/java/util/Scanner.class")) {
            assertThat(in).isNotNull();
            assertThat(offences("java/util/Scanner.class", in)).isNotEmpty();
        }
        try (InputStream in = NoJavaRegexTest.class.getResourceAsStream("NoJavaRegexTest$Offender.class")) {
            assertThat(offences("Offender.class", in)).anySatisfy(o -> assertThat(o).contains("String.split"));
        }
    }

    /** Compiled only so that the check above has a String.split call to find. */
    static final class Offender {
        static String[] words(String text) {
            return text.split(" ");
        }
    }

    static List<String> offences(String name, InputStream raw) throws IOException {
        ClassFile parsed = ClassFile.read(name, raw);
        List<String> found = new ArrayList<>();
        for (String text : parsed.strings()) {
            if (text.contains("java/util/regex/") || text.contains("java/util/Scanner")) {
                found.add(name + " refers to " + text);
            }
        }
        for (String[] member : parsed.memberRefs()) {
            if ("java/lang/String".equals(member[0]) && REGEX_STRING_METHODS.contains(member[1])) {
                found.add(name + " calls String." + member[1] + " (a java.util.regex pattern)");
            }
        }
        return found;
    }
}
