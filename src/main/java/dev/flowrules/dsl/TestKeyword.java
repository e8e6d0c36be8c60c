package dev.flowrules.dsl;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One test keyword a rule can write under a field ({@code contains: ...}): its name, the {@link Operator} it
 * reads into and how it reads its value. The list of them is {@link Operator#KEYWORDS}; the parser looks a
 * key up there, so a new test is declared once, beside its record.
 */
public final class TestKeyword {
    /** Reads the value written after the keyword; null after recording a diagnostic. */
    interface Reader {
        Operator read(YamlReads in, Node value, String what, SourcePos at, boolean ignoreCase);
    }

    private final String name;
    private final Class<? extends Operator> type;
    private final boolean takesIgnoreCase;
    private final Reader reader;

    private TestKeyword(String name, Class<? extends Operator> type, boolean takesIgnoreCase, Reader reader) {
        this.name = name;
        this.type = type;
        this.takesIgnoreCase = takesIgnoreCase;
        this.reader = reader;
    }

    /** A test that {@code ignore-case: true} changes. */
    static TestKeyword caseSensitive(String name, Class<? extends Operator> type, Reader reader) {
        return new TestKeyword(name, type, true, reader);
    }

    /** A test on which {@code ignore-case} has no effect. */
    static TestKeyword of(String name, Class<? extends Operator> type, Reader reader) {
        return new TestKeyword(name, type, false, reader);
    }

    /**
     * The key as authors write it.
     *
     * @return e.g. {@code contains-word}
     */
    public String name() {
        return name;
    }

    /**
     * The record it reads into; several keywords may share one ({@code at-least}, {@code at-most}...).
     *
     * @return a record class of {@link Operator}
     */
    public Class<? extends Operator> type() {
        return type;
    }

    /**
     * Whether {@code ignore-case: true} applies to it; the loader refuses it on any other test.
     *
     * @return true when the test compares text that case can change
     */
    public boolean takesIgnoreCase() {
        return takesIgnoreCase;
    }

    Operator read(YamlReads in, Node value, SourcePos at, boolean ignoreCase) {
        return reader.read(in, value, "'" + name + "'", at, ignoreCase);
    }
}
