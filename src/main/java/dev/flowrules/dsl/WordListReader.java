package dev.flowrules.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads word-list files named by {@code contains-word: {file: ...}}: UTF-8 text beside the rule file, one word
 * or phrase per line, blank lines and lines starting with '#' ignored. A list may not reach outside the rule
 * file's directory, so a rule file cannot read arbitrary files of the machine that loads it. One reader per rule
 * file: where a name leads and whether it may be read are decided here; the reading itself is the load's, once
 * per list file ({@link ListFiles}).
 */
final class WordListReader {

    private final String ruleFile;
    private final Path baseDir;
    private final ListFiles files;
    private final Map<String, WordList> cache = new HashMap<>();

    record WordList(String shownName, List<String> words) {
    }

    WordListReader(String ruleFile, Path baseDir, ListFiles files) {
        this.ruleFile = ruleFile;
        this.baseDir = baseDir;
        this.files = files;
    }

    /** The real locations, links resolved: a link inside the directory may not reach a file outside it. */
    private static boolean insideReal(Path root, Path path) {
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** A word list; its problems are reported at the first use in this file, and a usable list is kept for the next. */
    WordList read(String name, SourcePos at, List<Diagnostic> diagnostics) {
        WordList cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        WordList list = list(name, at, diagnostics, true);
        if (list != null) {
            cache.put(name, list);
        }
        return list;
    }

    /**
     * Exact values named by {@code one-of: {file: ...}} or {@code within: {file: ...}}: one per line, stripped,
     * blank lines and '#' lines ignored, nothing else folded (ARNs are case-sensitive). Same path rules as words.
     */
    WordList values(String name, SourcePos at, List<Diagnostic> diagnostics) {
        return list(name, at, diagnostics, false);
    }

    private WordList list(String name, SourcePos at, List<Diagnostic> diagnostics, boolean words) {
        Path path = locate(name, at, diagnostics);
        if (path == null) {
            return null;
        }
        String shown = RuleLoader.displayName(path);
        ListFiles.Outcome outcome = words ? files.words(path) : files.values(path);
        List<String> entries = outcome.report(name, at, shown, diagnostics);
        return entries == null ? null : new WordList(shown, entries);
    }

    /** Where a list file named in this rule file is, confined to the rule file's directory; null after a diagnostic. */
    private Path locate(String name, SourcePos at, List<Diagnostic> diagnostics) {
        if (baseDir == null) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name + "' cannot be found: "
                    + ruleFile + " is not in a directory", "use an inline list instead"));
            return null;
        }
        Path root = baseDir.normalize();
        Path path;
        try {
            path = root.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file name '" + YamlReads.abbreviate(name)
                    + "' is not a usable file name (" + e.getReason() + ")", "name a file next to the rule file, e.g. lists/banned.txt"));
            return null;
        }
        if (!path.startsWith(root)) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name
                    + "' is outside the rule file's directory", "keep list files in the rule file's directory or below it"));
            return null;
        }
        if (Files.isRegularFile(path) && !insideReal(root, path)) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name
                    + "' leads outside the rule file's directory (through a link)", "copy the list next to the rules instead of linking it"));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name + "' does not exist",
                    "list files are looked up next to " + ruleFile + "; looked for " + RuleLoader.displayName(path)));
            return null;
        }
        return path;
    }
}
