package dev.flowrules.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads word-list files named by {@code contains-word: {file: ...}}: UTF-8 text beside the rule file, one word
 * or phrase per line, blank lines and lines starting with '#' ignored. A list may not reach outside the rule
 * file's directory, so a rule file cannot read arbitrary files of the machine that loads it.
 */
final class WordListReader {

    private final String ruleFile;
    private final Path baseDir;
    private final Map<String, WordList> cache = new HashMap<>();

    record WordList(String shownName, List<String> words) {
    }

    WordListReader(String ruleFile, Path baseDir) {
        this.ruleFile = ruleFile;
        this.baseDir = baseDir;
    }

    private static boolean hasControlCharacter(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** The real locations, links resolved: a link inside the directory may not reach a file outside it. */
    private static boolean insideReal(Path root, Path path) {
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    WordList read(String name, SourcePos at, List<Diagnostic> diagnostics) {
        WordList cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        FileText file = text(name, at, diagnostics);
        if (file == null) {
            return null;
        }
        Path path = file.path();
        String text = file.text();
        return words(name, at, diagnostics, path, text);
    }

    /**
     * Exact values named by {@code one-of: {file: ...}} or {@code within: {file: ...}}: one per line, stripped,
     * blank lines and '#' lines ignored, nothing else folded (ARNs are case-sensitive). Same path rules as words.
     */
    WordList values(String name, SourcePos at, List<Diagnostic> diagnostics) {
        FileText file = text(name, at, diagnostics);
        if (file == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        List<String> lines = file.text().lines().toList();
        String shown = RuleLoader.displayName(file.path());
        for (int number = 1; number <= lines.size(); number++) {
            String value = lines.get(number - 1).strip();
            if (value.startsWith("\uFEFF")) {
                value = value.substring(1).strip();
            }
            if (value.isEmpty() || value.startsWith("#")) {
                continue;
            }
            if (hasControlCharacter(value) || value.length() > LoaderLimits.MAX_LIST_ENTRY_LENGTH) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, new SourcePos(shown, number, 1), "list file '" + name
                        + "' line " + number + " is not a usable value (a control character, or longer than "
                        + LoaderLimits.MAX_LIST_ENTRY_LENGTH + " characters)", "a list file is plain UTF-8 text, one value per line"));
                return null;
            }
            values.add(value);
            if (values.size() > LoaderLimits.MAX_LIST_ENTRIES) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR017, at, "list file '" + name + "' has more than "
                        + LoaderLimits.MAX_LIST_ENTRIES + " entries", "split it into several lists"));
                return null;
            }
        }
        if (values.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.FR025, at, "list file '" + name + "' has no entries, so this test never matches",
                    "add one value per line"));
        }
        return new WordList(shown, List.copyOf(values));
    }

    private record FileText(Path path, String text) {
    }

    /** The text of a list file confined to the rule file's directory; null after a diagnostic. */
    private FileText text(String name, SourcePos at, List<Diagnostic> diagnostics) {
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
        String text;
        try {
            if (Files.size(path) > LoaderLimits.MAX_LIST_FILE_BYTES) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR017, at, "list file '" + name + "' is larger than "
                        + LoaderLimits.MAX_LIST_FILE_BYTES + " bytes", "split it into several lists"));
                return null;
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name + "' is not valid UTF-8",
                    "save it as UTF-8"));
            return null;
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name + "' cannot be read (" + e + ")",
                    "check the file's permissions"));
            return null;
        }
        return new FileText(path, text);
    }

    private WordList words(String name, SourcePos at, List<Diagnostic> diagnostics, Path path, String text) {
        List<String> words = new ArrayList<>();
        java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();
        String shown = RuleLoader.displayName(path);
        // String.lines() splits on \n, \r\n and \r without a regular expression.
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String entry = lines.get(number - 1).strip();
            if (entry.startsWith("\uFEFF")) {
                entry = entry.substring(1).strip();
            }
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            SourcePos where = new SourcePos(shown, number, 1);
            if (hasControlCharacter(entry)) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR009, where, "list file '" + name + "' line " + number
                        + " holds a control character; it does not look like a text file",
                        "a list file is plain UTF-8 text, one word or phrase per line"));
                return null;
            }
            if (entry.length() > LoaderLimits.MAX_LIST_ENTRY_LENGTH) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR017, where, "this entry has " + entry.length()
                        + " characters; an entry may have at most " + LoaderLimits.MAX_LIST_ENTRY_LENGTH,
                        "put one word or short phrase on each line"));
                return null;
            }
            List<String> folded = Words.entryWords(entry);
            if (folded.isEmpty()) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.FR027, where, "the entry '" + YamlReads.abbreviate(entry)
                        + "' has no letters or digits, so it never matches a whole word",
                        "remove it, or test for it with 'contains' instead"));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(String.join(" ", folded), number);
            if (earlier != null) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.FR026, where, "the entry '" + YamlReads.abbreviate(entry)
                        + "' is the same word as line " + earlier + " once case and width are folded",
                        "remove one of them"));
                continue;
            }
            words.add(entry);
            if (words.size() > LoaderLimits.MAX_LIST_ENTRIES) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.FR017, at, "list file '" + name + "' has more than "
                        + LoaderLimits.MAX_LIST_ENTRIES + " entries", "split it into several lists"));
                return null;
            }
        }
        if (words.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.FR025, at, "list file '" + name + "' has no entries, so this test never matches",
                    "add one word or phrase per line"));
        }
        WordList list = new WordList(RuleLoader.displayName(path), List.copyOf(words));
        cache.put(name, list);
        return list;
    }
}
