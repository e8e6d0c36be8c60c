package dev.flowrules.dsl;

import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One action keyword a rule can write in {@code then}: its name, the {@link Action} it reads into and how it
 * reads its value (and, for {@code deny} and {@code stop}, the bare word). The list of them is
 * {@link Action#KEYWORDS}; the parser looks a key up there, so a new action is declared once, beside its record.
 */
public final class ActionKeyword {
    /** Reads the value written after the keyword; null after recording a diagnostic. */
    interface Reader {
        Action read(YamlReads in, Node value, SourcePos at);
    }

    private final String name;
    private final Class<? extends Action> type;
    private final Reader reader;
    private final Function<SourcePos, Action> bare;

    private ActionKeyword(String name, Class<? extends Action> type, Reader reader, Function<SourcePos, Action> bare) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.bare = bare;
    }

    static ActionKeyword of(String name, Class<? extends Action> type, Reader reader) {
        return new ActionKeyword(name, type, reader, null);
    }

    /** An action that may also be written as the bare word, e.g. {@code - deny}. */
    static ActionKeyword orBare(String name, Class<? extends Action> type, Reader reader, Function<SourcePos, Action> bare) {
        return new ActionKeyword(name, type, reader, bare);
    }

    /**
     * The key as authors write it.
     *
     * @return e.g. {@code set-push}
     */
    public String name() {
        return name;
    }

    /**
     * The record it reads into; several keywords may share one ({@code rewrite}, {@code redact}).
     *
     * @return a record class of {@link Action}
     */
    public Class<? extends Action> type() {
        return type;
    }

    /**
     * Whether the bare word alone is an action, e.g. {@code - deny}.
     *
     * @return true when the keyword may be written without a value
     */
    public boolean allowsBareWord() {
        return bare != null;
    }

    Action read(YamlReads in, Node value, SourcePos at) {
        return reader.read(in, value, at);
    }

    Action bare(SourcePos at) {
        return bare.apply(at);
    }
}
