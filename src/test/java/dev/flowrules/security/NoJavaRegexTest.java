package dev.flowrules.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
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
 * Architecture check: no class of the engine refers to {@code java.util.regex} or to the String methods that
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
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException(name + " is not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                default -> throw new IOException(name + ": unknown constant pool tag " + tag);
            }
        }
        List<String> found = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && (utf8[i].contains("java/util/regex/") || utf8[i].contains("java/util/Scanner"))) {
                found.add(name + " refers to " + utf8[i]);
            }
            if (memberRef[i] != null) {
                String owner = utf8[classNameIndex[memberRef[i][0]]];
                String method = utf8[nameAndType[memberRef[i][1]][0]];
                if ("java/lang/String".equals(owner) && REGEX_STRING_METHODS.contains(method)) {
                    found.add(name + " calls String." + method + " (a java.util.regex pattern)");
                }
            }
        }
        return found;
    }
}
