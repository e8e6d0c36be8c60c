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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The list files of one load, each read, decoded and normalised once however many rule files name it; the rule
 * files are read in parallel, so this is thread-safe. What a list file's text says does not depend on who names
 * it, but its diagnostics do (the name as written, the position of {@code file:}): they are kept as
 * {@link Finding}s and worded for each rule file, so each gets the diagnostics it would get alone. Where a name
 * leads, and whether it may be read from there, stays with each rule file ({@link WordListReader}).
 */
final class ListFiles {
    private final Map<Path, Outcome> words = new ConcurrentHashMap<>();
    private final Map<Path, Outcome> values = new ConcurrentHashMap<>();
    private final Map<Path, Text> texts = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** A problem in a list file, worded for a rule file: its name for the list, where it names it, the list's path shown. */
    interface Finding {
        Diagnostic word(String name, SourcePos at, String shown);
    }

    /**
     * What one reading of a list found: its entries (null when the list cannot be used) and the findings in the
     * order they were found.
     */
    record Outcome(List<String> entries, List<Finding> findings) {
        Outcome {
            findings = List.copyOf(findings); // shared by the rule files' threads: never changed after
        }

        /** Adds the findings, worded for this rule file, and answers the entries (null after an error). */
        List<String> report(String name, SourcePos at, String shown, List<Diagnostic> diagnostics) {
            for (Finding finding : findings) {
                diagnostics.add(finding.word(name, at, shown));
            }
            return entries;
        }
    }

    /** The file's text, or why it cannot be had. */
    private record Text(String text, Finding problem) {
    }

    /** The words of a list file for {@code contains-word} (checked, folded for duplicates). */
    Outcome words(Path path) {
        return words.computeIfAbsent(key(path), key -> {
            Text text = text(key, path);
            return text.problem() != null ? new Outcome(null, List.of(text.problem())) : wordsOf(text.text());
        });
    }

    /** The exact values of a list file for {@code one-of}, {@code within} and {@code outside}. */
    Outcome values(Path path) {
        return values.computeIfAbsent(key(path), key -> {
            Text text = text(key, path);
            return text.problem() != null ? new Outcome(null, List.of(text.problem())) : valuesOf(text.text());
        });
    }

    /** How many list files were read from disk: once each per load. */
    int reads() {
        return reads.get();
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** Read through the path as the first rule file resolved it, so an I/O error names it as before. */
    private Text text(Path key, Path path) {
        return texts.computeIfAbsent(key, k -> read(path));
    }

    private Text read(Path path) {
        reads.incrementAndGet();
        try {
            if (Files.size(path) > LoaderLimits.MAX_LIST_FILE_BYTES) {
                return new Text(null, (name, at, shown) -> Diagnostic.error(DiagnosticCode.FR017, at, "list file '" + name
                        + "' is larger than " + LoaderLimits.MAX_LIST_FILE_BYTES + " bytes", "split it into several lists"));
            }
            return new Text(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString(), null);
        } catch (CharacterCodingException e) {
            return new Text(null, (name, at, shown) -> Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name
                    + "' is not valid UTF-8", "save it as UTF-8"));
        } catch (IOException e) {
            return new Text(null, (name, at, shown) -> Diagnostic.error(DiagnosticCode.FR009, at, "list file '" + name
                    + "' cannot be read (" + e + ")", "check the file's permissions"));
        }
    }

    /** A line as an entry: stripped, a byte-order mark dropped; null for a blank or comment line. */
    private static String entry(String line) {
        String entry = line.strip();
        if (entry.startsWith("\uFEFF")) {
            entry = entry.substring(1).strip();
        }
        return entry.isEmpty() || entry.startsWith("#") ? null : entry;
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

    private static Outcome wordsOf(String text) {
        List<String> words = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        // String.lines() splits on \n, \r\n and \r without a regular expression.
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String entry = entry(lines.get(number - 1));
            if (entry == null) {
                continue;
            }
            int line = number;
            if (hasControlCharacter(entry)) {
                findings.add((name, at, shown) -> Diagnostic.error(DiagnosticCode.FR009, new SourcePos(shown, line, 1),
                        "list file '" + name + "' line " + line + " holds a control character; it does not look like a text file",
                        "a list file is plain UTF-8 text, one word or phrase per line"));
                return new Outcome(null, findings);
            }
            if (entry.length() > LoaderLimits.MAX_LIST_ENTRY_LENGTH) {
                findings.add((name, at, shown) -> Diagnostic.error(DiagnosticCode.FR017, new SourcePos(shown, line, 1),
                        "this entry has " + entry.length() + " characters; an entry may have at most "
                                + LoaderLimits.MAX_LIST_ENTRY_LENGTH, "put one word or short phrase on each line"));
                return new Outcome(null, findings);
            }
            List<String> folded = Words.entryWords(entry);
            if (folded.isEmpty()) {
                findings.add((name, at, shown) -> Diagnostic.warning(DiagnosticCode.FR027, new SourcePos(shown, line, 1),
                        "the entry '" + YamlReads.abbreviate(entry) + "' has no letters or digits, so it never matches a whole word",
                        "remove it, or test for it with 'contains' instead"));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(String.join(" ", folded), number);
            if (earlier != null) {
                findings.add((name, at, shown) -> Diagnostic.warning(DiagnosticCode.FR026, new SourcePos(shown, line, 1),
                        "the entry '" + YamlReads.abbreviate(entry) + "' is the same word as line " + earlier
                                + " once case and width are folded", "remove one of them"));
                continue;
            }
            if (!add(words, entry, findings)) {
                return new Outcome(null, findings);
            }
        }
        return finished(words, findings, "add one word or phrase per line");
    }

    /** One value per line, stripped, nothing else folded (ARNs are case-sensitive). */
    private static Outcome valuesOf(String text) {
        List<String> values = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String value = entry(lines.get(number - 1));
            if (value == null) {
                continue;
            }
            int line = number;
            if (hasControlCharacter(value) || value.length() > LoaderLimits.MAX_LIST_ENTRY_LENGTH) {
                findings.add((name, at, shown) -> Diagnostic.error(DiagnosticCode.FR009, new SourcePos(shown, line, 1),
                        "list file '" + name + "' line " + line + " is not a usable value (a control character, or longer than "
                                + LoaderLimits.MAX_LIST_ENTRY_LENGTH + " characters)", "a list file is plain UTF-8 text, one value per line"));
                return new Outcome(null, findings);
            }
            if (!add(values, value, findings)) {
                return new Outcome(null, findings);
            }
        }
        return finished(values, findings, "add one value per line");
    }

    /** Adds an entry; false, with the error, once the list holds more than it may. */
    private static boolean add(List<String> entries, String entry, List<Finding> findings) {
        entries.add(entry);
        if (entries.size() > LoaderLimits.MAX_LIST_ENTRIES) {
            findings.add((name, at, shown) -> Diagnostic.error(DiagnosticCode.FR017, at, "list file '" + name
                    + "' has more than " + LoaderLimits.MAX_LIST_ENTRIES + " entries", "split it into several lists"));
            return false;
        }
        return true;
    }

    /** The list read to its end; an empty one is a warning where the rule names it. */
    private static Outcome finished(List<String> entries, List<Finding> findings, String emptyHint) {
        if (entries.isEmpty()) {
            findings.add((name, at, shown) -> Diagnostic.warning(DiagnosticCode.FR025, at, "list file '" + name
                    + "' has no entries, so this test never matches", emptyHint));
        }
        return new Outcome(List.copyOf(entries), findings);
    }
}
