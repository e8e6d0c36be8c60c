package dev.flowrules.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of docs/architecture.md, checked on the compiled classes: each stage package uses only packages of
 * lower layers (so there is no cycle between stages), every package is placed in a layer, and a package
 * named {@code internal} is used only from the package it belongs to.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final String ROOT = "dev/flowrules/";

    /**
     * Layers from the bottom; a package may use the packages of lower layers only. {@code ""} is
     * {@code dev.flowrules} itself: the {@code Engine} facade.
     */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("limits", "patterns"),
            Set.of("event", "text"),
            Set.of("dsl"),
            Set.of("check", "compile"),
            Set.of("eval"),
            Set.of("callback", "ruletest"),
            Set.of(""),
            Set.of("lambda", "maven", "playground"),
            Set.of("cli"));

    @Test
    void stagesDependOnlyDownwardAndInternalsStayInside() throws IOException {
        Map<String, Set<String>> uses = packageUses(ClassFile.all(CLASSES));
        assertThat(uses).containsKeys("", "dsl", "compile", "eval", "callback", "cli", "lambda");
        assertThat(violations(uses)).isEmpty();
    }

    /**
     * docs/performance.md: {@code Engine.fromRules} computes no warnings, the linter belongs to {@code validate}.
     * The layers allow the root and {@code lambda} to use {@code check}; neither does.
     */
    @Test
    void theEngineAndTheLambdaDoNotUseTheLinter() throws IOException {
        Map<String, Set<String>> uses = packageUses(ClassFile.all(CLASSES));
        assertThat(uses).containsKeys("", "lambda");
        for (String pkg : List.of("", "lambda")) {
            assertThat(uses.get(pkg)).as("packages used by dev.flowrules%s", pkg.isEmpty() ? "" : "." + pkg)
                    .noneMatch(used -> stage(used).equals("check"));
        }
    }

    @Test
    void theCheckCatchesAnUpwardUseAnUnplacedPackageAndAnOutsideUseOfAnInternal() {
        Map<String, Set<String>> uses = new TreeMap<>();
        uses.put("dsl", Set.of("eval"));
        uses.put("eval", Set.of("compile", "compile/internal"));
        uses.put("compile", Set.of("compile/internal"));
        uses.put("compile/internal", Set.of("dsl"));
        uses.put("newstage", Set.of("dsl"));
        assertThat(violations(uses)).containsExactlyInAnyOrder(
                "dsl uses eval, which is not below it",
                "eval uses compile/internal, an internal package of compile",
                "newstage is in no layer: place it in ArchitectureTest.LAYERS and docs/architecture.md");
    }

    /** Per package (path below dev/flowrules, "" for the root), the other dev.flowrules packages its classes name. */
    static Map<String, Set<String>> packageUses(Map<String, ClassFile> classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (ClassFile file : classes.values()) {
            if (!file.name().startsWith(ROOT)) {
                continue;
            }
            String from = packageOf(file.name().substring(ROOT.length()));
            Set<String> used = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (String text : file.strings()) {
                for (int at = text.indexOf(ROOT); at >= 0; at = text.indexOf(ROOT, at + 1)) {
                    String to = packageOf(className(text, at + ROOT.length()));
                    if (!to.equals(from)) {
                        used.add(to);
                    }
                }
            }
        }
        return uses;
    }

    /** The class name starting at {@code start}, up to the end of a descriptor's type ({@code ;}) or the text. */
    private static String className(String text, int start) {
        int end = start;
        while (end < text.length() && (Character.isJavaIdentifierPart(text.charAt(end)) || text.charAt(end) == '/')) {
            end++;
        }
        return text.substring(start, end);
    }

    private static String packageOf(String classPath) {
        int slash = classPath.lastIndexOf('/');
        return slash < 0 ? "" : classPath.substring(0, slash);
    }

    static List<String> violations(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
            String from = entry.getKey();
            int layer = layer(from);
            if (layer < 0) {
                found.add(from + " is in no layer: place it in ArchitectureTest.LAYERS and docs/architecture.md");
                continue;
            }
            for (String to : entry.getValue()) {
                String owner = internalOwner(to);
                if (owner != null && !from.equals(owner) && !from.startsWith(owner + "/")) {
                    found.add(from + " uses " + to + ", an internal package of " + owner);
                } else if (owner == null && !stage(to).equals(stage(from)) && layer(to) >= layer) {
                    found.add(from + " uses " + to + ", which is not below it");
                }
            }
        }
        return found;
    }

    /** The stage of a package: its first segment ({@code compile} for {@code compile/internal}). */
    private static String stage(String pkg) {
        int slash = pkg.indexOf('/');
        return slash < 0 ? pkg : pkg.substring(0, slash);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(stage(pkg))) {
                return i;
            }
        }
        return -1;
    }

    /** For {@code a/internal/b}, {@code a}; null for a package that is not internal. */
    private static String internalOwner(String pkg) {
        int at = ("/" + pkg + "/").indexOf("/internal/");
        return at < 0 ? null : at == 0 ? "" : pkg.substring(0, at - 1);
    }
}
