package dev.flowrules.playground;

import dev.flowrules.Engine;
import dev.flowrules.check.RuleChecker;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.DiagnosticCode;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleFile;
import dev.flowrules.dsl.RuleLoader;
import dev.flowrules.dsl.RuleTestParser;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.patterns.Patterns;
import dev.flowrules.ruletest.RuleTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule files of one directory as the playground edits them: texts that may not be saved yet, checked the
 * way {@code validate} checks them, tried, and written back only when they load without errors. Nothing is ever
 * read or written outside the directory: names come from the directory's own listing, and links are refused.
 * <p>Internal: not exported by the module.
 */
public final class Workspace {
    /** Larger directories are not what the playground is for; refusing them keeps every check fast. */
    static final int MAX_FILES = 200;

    private final Path root;

    public Workspace(Path dir) {
        try {
            this.root = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    /** What a check found: every problem (names relative to the directory) and the rule tests, when they ran. */
    public record Check(List<Diagnostic> diagnostics, RuleTests.Report tests, List<RuleFile> files) {
        public boolean loads() {
            return diagnostics.stream().noneMatch(d -> d.isError() && d.code() != DiagnosticCode.FR029);
        }
    }

    /** The editable files, by name relative to the directory ('/' separated): rule files and their tests. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> found = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isEditable(root.relativize(p)))
                    .sorted(Comparator.comparing(p -> name(root.relativize(p))))
                    .limit(MAX_FILES + 1L).toList();
            if (found.size() > MAX_FILES) {
                throw new IllegalArgumentException(root + " holds more than " + MAX_FILES + " rule files");
            }
            for (Path file : found) {
                files.put(name(root.relativize(file)), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean isEditable(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String file = relative.getFileName().toString();
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

    private static String name(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** Checks the given texts (all editable files, saved or not) as {@code validate} checks files. */
    public Check check(Map<String, String> edited) {
        return Patterns.oneLoad(() -> checkOnce(edited)); // the checker and the rule tests reuse the loader's patterns
    }

    private Check checkOnce(Map<String, String> edited) {
        Map<String, String> texts = withSaved(edited);
        List<RuleFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<LoadResult.DeclaredId> declared = new ArrayList<>();
        Map<String, String> tests = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            if (RuleTestParser.isTestFile(Path.of(name))) {
                tests.put(name, text);
                return;
            }
            // List files named in a rule are looked up beside it, on disk, with the loader's own link checks.
            LoadResult loaded = RuleLoader.parse(name, text.getBytes(StandardCharsets.UTF_8), root.resolve(name).getParent());
            files.addAll(loaded.files());
            diagnostics.addAll(loaded.diagnostics());
            declared.addAll(loaded.declaredIds());
        });
        if (files.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR019, new SourcePos(".", 1, 1),
                    "the directory holds no rule files (*.yaml or *.yml)", "add a rule file to the directory"));
        }
        diagnostics.addAll(RuleChecker.check(new LoadResult(files, diagnostics, declared)));
        RuleTests.Report report = null;
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            report = runTests(tests, files);
            diagnostics.addAll(report.diagnostics());
        }
        diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new Check(List.copyOf(diagnostics), report, files);
    }

    /** Test files are read from disk by the test runner, so unsaved ones go through a private temporary copy. */
    private static RuleTests.Report runTests(Map<String, String> tests, List<RuleFile> files) {
        if (tests.isEmpty()) {
            return RuleTests.run(List.of(), files);
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("flowrules-playground");
            List<Path> paths = new ArrayList<>();
            for (Map.Entry<String, String> test : tests.entrySet()) {
                Path file = temp.resolve(test.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, test.getValue(), StandardCharsets.UTF_8);
                paths.add(file);
            }
            RuleTests.Report report = RuleTests.run(paths, files);
            String prefix = RuleLoader.displayName(temp) + "/";
            List<Diagnostic> renamed = report.diagnostics().stream().map(d -> new Diagnostic(d.code(), d.severity(),
                    new SourcePos(d.pos().file().replace(prefix, ""), d.pos().line(), d.pos().column()), d.message(), d.hint()))
                    .toList();
            return new RuleTests.Report(report.passed(), report.failed(), renamed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temp);
        }
    }

    private static void delete(Path temp) {
        if (temp == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover in the temporary directory is harmless; the result stands.
        }
    }

    /** An engine for the given texts, or null when they do not load (the check says why). */
    public Engine engine(Check check) {
        return check.loads() ? Engine.of(check.files()) : null;
    }

    /**
     * Writes the texts back when they load without errors (failing rule tests do not stop a save); returns the
     * check either way. Only files the directory already holds are written, each replaced in one move.
     */
    public Check save(Map<String, String> edited) {
        Map<String, String> texts = withSaved(edited);
        Check check = check(texts);
        if (!check.loads()) {
            return check;
        }
        Map<String, String> current = files();
        try {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                if (text.getValue().equals(current.get(text.getKey()))) {
                    continue;
                }
                replace(inside(text.getKey()), text.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check;
    }

    /** Readers never see half a file: the new text is written beside it, with its permissions, then moved over it. */
    private static void replace(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".flowrules-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the temporary file keeps the default permissions.
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The saved files with the edited texts over them. Every edited name must be one of the directory's editable
     * files: nothing else can be read, checked or written.
     */
    private Map<String, String> withSaved(Map<String, String> edited) {
        Map<String, String> texts = files();
        for (Map.Entry<String, String> text : edited.entrySet()) {
            if (!texts.containsKey(text.getKey())) {
                throw new IllegalArgumentException("'" + text.getKey() + "' is not a rule file of this directory");
            }
            texts.put(text.getKey(), text.getValue());
        }
        return texts;
    }

    /** The file for a listed name, checked again right before writing: inside the directory, not a link. */
    Path inside(String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || Files.isSymbolicLink(target)
                || !target.getParent().toRealPath().startsWith(root)) {
            throw new IllegalArgumentException("'" + name + "' is outside " + root);
        }
        return target;
    }
}
