package dev.flowrules.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Loads rule files (or every {@code *.yaml}/{@code *.yml} below a directory, in path order) into
 * {@link RuleFile}s, collecting every problem instead of stopping at the first. Rule files that are examples
 * for {@code test} ({@code *.test.yaml}) are not rule files.
 */
public final class RuleLoader {

    private RuleLoader() {
    }

    /**
     * {@link #load(List)} for inputs written out.
     *
     * @param inputs rule files and directories
     * @return the files that loaded and every problem found
     */
    public static LoadResult load(Path... inputs) {
        return load(List.of(inputs));
    }

    /**
     * Reads rule files and every rule file below the directories given. Never throws for bad input: an unreadable
     * file or a file with errors becomes diagnostics, and the other files still load. A list file named by several
     * rule files is read once, and each of them reports its problems as when loaded alone. Thread-safe.
     *
     * @param inputs rule files and directories
     * @return the files that loaded and every problem found, sorted by position
     */
    public static LoadResult load(List<Path> inputs) {
        return load(inputs, OneLoad.start()); // started on this thread: the files may be read on others
    }

    /** {@link #load(List)} sharing {@code load}'s patterns and list files between the files. */
    static LoadResult load(List<Path> inputs, OneLoad load) {
        List<RuleFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<LoadResult.DeclaredId> declared = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Path input : inputs) {
            String shown = displayName(input);
            if (Files.isDirectory(input)) {
                Found found;
                try {
                    // test files too, so that one linking outside the directory is reported, not silently skipped
                    found = filesBelow(input, p -> isRuleFileName(p) || RuleTestParser.isTestFile(p));
                } catch (IOException e) {
                    steps.add(Step.of(List.of(unreadable(shown, e))));
                    continue;
                }
                steps.add(Step.of(found.refused()));
                List<Path> ruleFiles = found.files().stream().filter(RuleLoader::isRuleFileName).toList();
                if (ruleFiles.isEmpty() && found.refused().isEmpty()) {
                    steps.add(Step.of(List.of(Diagnostic.error(DiagnosticCode.FR019, new SourcePos(shown, 1, 1),
                            "the directory holds no rule files (*.yaml or *.yml)",
                            "point at the directory that holds your rule files, or add one"))));
                }
                for (Path file : ruleFiles) {
                    steps.add(new Step(file, null));
                }
            } else if (!RuleTestParser.isTestFile(input)) { // examples, run by the checker, not rules
                steps.add(new Step(input, null));
            }
        }
        // Files are independent until they are compiled together: several are read in parallel, and their results
        // are taken in the order above, so rule order and diagnostics are the same as one by one.
        boolean several = steps.stream().filter(step -> step.file() != null).count() > 1;
        for (LoadResult result : (several ? steps.parallelStream() : steps.stream()).map(step -> step.result(load)).toList()) {
            collect(result, files, diagnostics, declared);
        }
        diagnostics.sort(Comparator.comparing((Diagnostic d) -> d.pos().file())
                .thenComparingInt(d -> d.pos().line()).thenComparingInt(d -> d.pos().column()));
        return new LoadResult(files, diagnostics, declared);
    }

    /**
     * Rule files below a directory, sorted by path so that rule order does not depend on the file system.
     *
     * @param directory the directory to walk
     * @return the rule files found; links leading outside the directory are left out
     * @throws IOException when the directory cannot be walked
     */
    public static List<Path> ruleFiles(Path directory) throws IOException {
        return filesBelow(directory, RuleLoader::isRuleFileName).files();
    }

    /**
     * What a directory walk found: the files to read, and an error for each file whose real location (links
     * resolved) is outside the directory, which is not read at all.
     *
     * @param files the files to read, sorted by path
     * @param refused an FR016 error for each file outside the directory
     */
    public record Found(List<Path> files, List<Diagnostic> refused) {
    }

    /**
     * Files below {@code directory} whose names pass {@code wanted}, hidden ones left out, sorted by path so that
     * rule order does not depend on the file system. A link is followed only when it stays inside the directory,
     * as for list files: a rule file that is a link to {@code ../app.env} would otherwise be read and quoted.
     * The walk does not enter linked directories; one that leads outside is refused too, whatever its name, so
     * that the rules it would have brought are not missing without a word.
     *
     * @param directory the directory to walk
     * @param wanted which file names to keep
     * @return the files to read and the links refused
     * @throws IOException when the directory cannot be walked
     */
    public static Found filesBelow(Path directory, Predicate<Path> wanted) throws IOException {
        Path root = directory.toRealPath();
        List<Path> files = new ArrayList<>();
        List<Diagnostic> refused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> candidates = walk.filter(p -> Files.isRegularFile(p) ? wanted.test(p) : isLinkedDirectory(p))
                    .filter(p -> !isHidden(directory.relativize(p)))
                    .sorted(Comparator.comparing(p -> directory.relativize(p).toString().replace('\\', '/')))
                    .toList();
            for (Path candidate : candidates) {
                boolean file = Files.isRegularFile(candidate);
                if (insideReal(root, candidate)) {
                    if (file) { // a linked directory inside holds nothing the walk does not reach by its real path
                        files.add(candidate);
                    }
                } else {
                    refused.add(Diagnostic.error(DiagnosticCode.FR016, new SourcePos(displayName(candidate), 1, 1),
                            (file ? "the file" : "the directory") + " is a link to a place outside " + displayName(directory)
                                    + (file ? ", so it was not read" : ", so nothing in it was read"),
                            file ? "copy the file into the rules directory instead of linking to it"
                                    : "copy the files into the rules directory instead of linking to their directory"));
                }
            }
        }
        return new Found(List.copyOf(files), List.copyOf(refused));
    }

    private static boolean isLinkedDirectory(Path path) {
        return Files.isSymbolicLink(path) && Files.isDirectory(path);
    }

    private static boolean insideReal(Path root, Path path) {
        try {
            return path.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isRuleFileName(Path path) {
        String name = path.getFileName().toString();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return yaml && !name.endsWith(".test.yaml") && !name.endsWith(".test.yml");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one rule file; its list files are looked up beside it.
     *
     * @param file the rule file
     * @return the file's rules and problems; an unreadable file is an FR016 error, not an exception
     */
    public static LoadResult loadFile(Path file) {
        return loadFile(file, OneLoad.start());
    }

    private static LoadResult loadFile(Path file, OneLoad load) {
        String shown = displayName(file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > LoaderLimits.MAX_FILE_BYTES) {
                return new LoadResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.FR017, new SourcePos(shown, 1, 1),
                        "the file is " + size + " bytes; a rule file may be at most " + LoaderLimits.MAX_FILE_BYTES + " bytes",
                        "split the rules over several files, or move long word lists into list files")));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new LoadResult(List.of(), List.of(unreadable(shown, e)));
        }
        Path base = file.toAbsolutePath().getParent();
        LoadResult result = parse(shown, bytes, base, load);
        String testName = result.hasErrors() ? testFileNameFor(file.getFileName().toString()) : null;
        if (testName == null) {
            return result;
        }
        // A rule test under a near-miss name is read as rules and fails on every key; say what is really wrong.
        return new LoadResult(List.of(), List.of(Diagnostic.error(DiagnosticCode.FR030, new SourcePos(shown, 1, 1),
                "this looks like a rule test file, but test files are named NAME.test.yaml, so it was read as rules",
                "rename it to " + testName)));
    }

    private static final List<String> NEAR_MISS_TEST_SUFFIXES = List.of(".tests", "-test", "-tests", "_test", "_tests",
            ".spec", "-spec");

    /** For a file named like a rule test but not as one (rules.tests.yaml, rules-test.yaml), its right name. */
    static String testFileNameFor(String name) {
        String extension = name.endsWith(".yaml") ? ".yaml" : name.endsWith(".yml") ? ".yml" : null;
        if (extension == null) {
            return null;
        }
        String stem = name.substring(0, name.length() - extension.length());
        for (String suffix : NEAR_MISS_TEST_SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                return stem.substring(0, stem.length() - suffix.length()) + ".test" + extension;
            }
        }
        return null;
    }

    /**
     * Parses rule text, e.g. held in memory by an editor; list files named in it are looked up under
     * {@code baseDir}.
     *
     * @param name the file name diagnostics show
     * @param bytes the rule file's content (UTF-8)
     * @param baseDir where list files are, or null when the text names none
     * @return the file's rules and problems
     */
    public static LoadResult parse(String name, byte[] bytes, Path baseDir) {
        return parse(name, bytes, baseDir, OneLoad.start());
    }

    private static LoadResult parse(String name, byte[] bytes, Path baseDir, OneLoad load) {
        YamlSource.Parsed parsed = YamlSource.parse(name, bytes);
        if (parsed.problem() != null) {
            return new LoadResult(List.of(), List.of(parsed.problem()));
        }
        RuleFileParser parser = new RuleFileParser(name, baseDir, load);
        RuleFile file = parser.parseFile(parsed.root());
        List<Diagnostic> diagnostics = new ArrayList<>(parser.diagnostics());
        diagnostics.addAll(YamlSource.indentationWarnings(name, bytes));
        return new LoadResult(file == null ? List.of() : List.of(file), diagnostics, parser.declaredIds());
    }

    /** A file to load, or problems found while looking for files (a directory that cannot be walked...). */
    private record Step(Path file, LoadResult found) {
        static Step of(List<Diagnostic> problems) {
            return new Step(null, new LoadResult(List.of(), problems, List.of()));
        }

        LoadResult result(OneLoad load) {
            return file == null ? found : loadFile(file, load);
        }
    }

    private static void collect(LoadResult result, List<RuleFile> files, List<Diagnostic> diagnostics,
                                List<LoadResult.DeclaredId> declared) {
        files.addAll(result.files());
        diagnostics.addAll(result.diagnostics());
        declared.addAll(result.declaredIds());
    }

    private static Diagnostic unreadable(String shown, IOException e) {
        String why = e instanceof NoSuchFileException ? "the file does not exist" : "the file cannot be read (" + e + ")";
        return Diagnostic.error(DiagnosticCode.FR016, new SourcePos(shown, 1, 1), why,
                "check the path and the file's permissions");
    }

    /**
     * How diagnostics name a file: paths below the working directory print relative to it, as compilers print
     * them, so a terminal or an IDE links to the file.
     *
     * @param path a file
     * @return the path to show, with forward slashes
     */
    public static String displayName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : path;
        return shown.toString().replace('\\', '/');
    }
}
