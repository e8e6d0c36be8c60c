package dev.flowrules.dsl;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns the bytes of a rule file into a YAML node tree with positions, or into one diagnostic. Nothing is ever
 * constructed from the YAML: the tree is only composed, tags other than the plain YAML types are refused, and
 * the {@link LoaderOptions} limits bound aliases, nesting and size so a hostile file fails fast.
 */
final class YamlSource {

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MAP,
            Tag.SEQ, Tag.TIMESTAMP);

    private static final String FOREIGN_TAG_HINT =
            "remove the tag (the part starting with '!'); rule files hold only plain text, numbers, lists and mappings";

    private YamlSource() {
    }

    /** The root node (null for an empty document), or a diagnostic describing why the bytes are not usable. */
    record Parsed(Node root, Diagnostic problem) {
    }

    static Parsed parse(String file, byte[] bytes) {
        if (bytes.length > LoaderLimits.MAX_FILE_BYTES) {
            return problem(DiagnosticCode.FR017, new SourcePos(file, 1, 1),
                    "the file is " + bytes.length + " bytes; a rule file may be at most " + LoaderLimits.MAX_FILE_BYTES + " bytes",
                    "split the rules over several files, or move long word lists into list files");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = e instanceof MalformedInputException ? firstBadByte(bytes) : 0;
            SourcePos pos = positionOfByte(file, bytes, offset);
            return problem(DiagnosticCode.FR001, pos, "the file is not valid UTF-8 (bad byte at offset " + offset + ")",
                    "save the file as UTF-8; most editors offer it under 'Save with encoding'");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(LoaderLimits.MAX_ALIASES);
        options.setNestingDepthLimit(LoaderLimits.MAX_NESTING);
        options.setCodePointLimit(LoaderLimits.MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // duplicates are reported by the loader, with both positions
        // A Composer alone, not a Yaml: the constructor and representer a Yaml sets up are never used here and
        // would cost a fresh JVM a few hundred classes (java.util.logging and java.sql among them).
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            List<Node> documents = new ArrayList<>();
            while (composer.checkNode()) {
                Node document = composer.getNode();
                documents.add(document);
                if (documents.size() > 1) {
                    return problem(DiagnosticCode.FR001, SourcePos.of(file, document.getStartMark()),
                            "the file holds more than one YAML document (a second '---')",
                            "keep one document per rule file: remove the extra '---' or move the rules into another file");
                }
            }
            root = documents.isEmpty() ? null : documents.get(0);
        } catch (ReaderException e) {
            // Raised for characters YAML does not allow in a document (NUL, most other control characters).
            return problem(DiagnosticCode.FR001, positionOfChar(file, text, e.getPosition()),
                    "the file holds a character YAML does not allow (U+" + String.format("%04X", e.getCodePoint())
                            + "); it does not look like a text file",
                    "remove the character, or save the file again as plain UTF-8 text");
        } catch (MarkedYAMLException e) {
            Diagnostic quoting = QuotingMistakes.explain(file, text, e);
            if (quoting != null) {
                return new Parsed(null, quoting);
            }
            if (String.valueOf(e.getProblem()).contains("tag is not allowed")) {
                return problem(DiagnosticCode.FR018, SourcePos.of(file, e.getProblemMark()),
                        "a YAML tag (" + e.getProblem().replace("Global tag is not allowed: ", "") + ") is not allowed in rule files",
                        FOREIGN_TAG_HINT);
            }
            return problem(DiagnosticCode.FR001, SourcePos.of(file, e.getProblemMark()), syntaxMessage(e), syntaxHint(e));
        } catch (IllegalArgumentException e) {
            // snakeyaml's Tag refuses some tags the scanner accepted (!<tag:x%20> decodes to a trailing space),
            // with no position: find the tag among the parser's events to point at it.
            return problem(DiagnosticCode.FR018, unusableTagPosition(file, options, text),
                    "YAML tags are not allowed in rule files, and this one cannot even be read (" + e.getMessage() + ")",
                    FOREIGN_TAG_HINT);
        } catch (YAMLException e) {
            return problem(DiagnosticCode.FR017, new SourcePos(file, 1, 1), "the YAML could not be read: " + e.getMessage(),
                    "simplify the file: fewer anchors and aliases (at most " + LoaderLimits.MAX_ALIASES + "), nesting at most "
                            + LoaderLimits.MAX_NESTING + " levels deep");
        } catch (StackOverflowError e) {
            return problem(DiagnosticCode.FR017, new SourcePos(file, 1, 1), "the YAML is nested too deeply",
                    "nest conditions at most " + LoaderLimits.MAX_NESTING + " levels deep");
        }
        if (root != null) {
            Diagnostic nodeProblem = checkNodes(file, root, new IdentityHashMap<>(), new IdentityHashMap<>());
            if (nodeProblem != null) {
                return new Parsed(null, nodeProblem);
            }
        }
        return new Parsed(root, null);
    }

    /**
     * Tabs in indentation are a YAML error when they matter and invisible trouble when they do not (a tab
     * inside a flow mapping, or on an otherwise blank line): every line indented with a tab gets a warning.
     */
    static List<Diagnostic> indentationWarnings(String file, byte[] bytes) {
        List<Diagnostic> warnings = new ArrayList<>();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int indentEnd = lineStart;
                while (indentEnd < i && (text.charAt(indentEnd) == ' ' || text.charAt(indentEnd) == '\t')) {
                    indentEnd++;
                }
                int tab = text.indexOf('\t', lineStart);
                if (tab >= 0 && tab < indentEnd) {
                    warnings.add(Diagnostic.warning(DiagnosticCode.FR028, new SourcePos(file, line, tab - lineStart + 1),
                            "this line is indented with a tab", "indent with spaces only; editors can show tabs and convert them"));
                }
                line++;
                lineStart = i + 1;
            }
        }
        return warnings;
    }

    /**
     * Walks the composed graph once: a tag other than the plain types is refused, and so is an alias inside the
     * collection it names ({@code &w {any: [*w]}}), which snakeyaml composes into a cycle that everything after
     * it would follow forever. Only an anchored node can be reached twice (an alias is its anchor's very node),
     * so only anchored nodes are remembered: {@code done} holds those already checked, {@code path} those being
     * walked; a 10,000-rule file then costs no map entry per node.
     */
    private static Diagnostic checkNodes(String file, Node node, Map<Node, Boolean> done, Map<Node, Boolean> path) {
        boolean anchored = node.getAnchor() != null;
        if (anchored && path.containsKey(node)) {
            String anchor = " '*" + node.getAnchor() + "'";
            return Diagnostic.error(DiagnosticCode.FR001, SourcePos.of(file, node.getStartMark()),
                    "the alias" + anchor + " is used inside the very collection it names, so it would repeat without end",
                    "an alias can only repeat something written before it and outside it; write the part out instead");
        }
        if (anchored && done.containsKey(node)) {
            return null;
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            return Diagnostic.error(DiagnosticCode.FR018, SourcePos.of(file, node.getStartMark()),
                    "the YAML tag '" + node.getTag().getValue() + "' is not allowed in rule files",
                    FOREIGN_TAG_HINT);
        }
        if (anchored) {
            path.put(node, Boolean.TRUE);
        }
        Diagnostic found = null;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                found = checkNodes(file, tuple.getKeyNode(), done, path);
                if (found == null) {
                    found = checkNodes(file, tuple.getValueNode(), done, path);
                }
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node child : sequence.getValue()) {
                found = checkNodes(file, child, done, path);
                if (found != null) {
                    return found;
                }
            }
        }
        if (anchored) {
            path.remove(node);
            done.put(node, Boolean.TRUE);
        }
        return null;
    }

    /** The first tag snakeyaml cannot make a Tag of; 1:1 when there is none (not expected: the composer found one). */
    private static SourcePos unusableTagPosition(String file, LoaderOptions options, String text) {
        try {
            Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                        : event instanceof CollectionStartEvent start ? start.getTag() : null;
                if (tag != null) {
                    try {
                        new Tag(tag);
                    } catch (IllegalArgumentException e) {
                        return SourcePos.of(file, event.getStartMark());
                    }
                }
            }
        } catch (YAMLException | IllegalArgumentException e) {
            // the composer read this far, so the parser does too; a failure here leaves the position unknown
        }
        return new SourcePos(file, 1, 1);
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "the YAML is not well formed" : e.getProblem();
        String context = e.getContext();
        String message = "YAML syntax: " + problem;
        if (context != null && !context.isBlank()) {
            message += " (" + context + ")";
        }
        return message.replace('\n', ' ');
    }

    private static String syntaxHint(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem()) + " " + e.getContext();
        if (problem.contains("\\t") || problem.contains("tab")) {
            return "YAML does not allow tabs for indentation; indent with spaces only";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "a ':' inside a value needs quotes, e.g. text: \"note: this\"; or check the indentation of the line above";
        }
        if (problem.contains("expected <block end>") || problem.contains("did not find expected key")) {
            return "check the indentation: items of the same list or mapping must start in the same column";
        }
        if (problem.contains("found unexpected end of stream") || problem.contains("found unexpected end")) {
            return "a quote or bracket is not closed";
        }
        return "check the indentation and quoting around this position";
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static SourcePos positionOfChar(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePos(file, line, Math.max(1, offset - lineStart + 1));
    }

    private static SourcePos positionOfByte(String file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePos(file, line, offset - lineStart + 1);
    }

    private static Parsed problem(DiagnosticCode code, SourcePos pos, String message, String hint) {
        return new Parsed(null, Diagnostic.error(code, pos, message, hint));
    }
}
