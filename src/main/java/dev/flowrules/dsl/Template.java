package dev.flowrules.dsl;

import java.util.List;

/**
 * Text with placeholders: {@code {{content}}}, {@code {{sender.name}}}, {@code {{attributes.NAME}}} and
 * {@code {{matched}}}; in a rewrite or redaction also {@code $1} and {@code ${name}} for regex groups.
 * Nothing else is evaluated.
 *
 * @param source the template as written
 * @param parts the template read into literal text and placeholders, in order
 */
public record Template(String source, List<Part> parts) {

    /** A piece of a template: literal text or one placeholder. */
    public sealed interface Part {
    }

    /**
     * Literal text, inserted as written.
     *
     * @param text the text
     */
    public record Text(String text) implements Part {
    }

    /**
     * A placeholder for a field of the message: {@code {{sender.name}}}.
     *
     * @param field the field inserted
     */
    public record Insert(FieldRef field) implements Part {
    }

    /** The text the rule's condition matched on (first matching test). */
    public record Matched() implements Part {
    }

    /**
     * A regex group in a rewrite or redaction: {@code $1} or {@code ${name}}.
     *
     * @param index the group's number, for {@code $1}
     * @param name the group's name for {@code ${name}}, else null
     */
    public record Group(int index, String name) implements Part {
    }

    /**
     * A template without placeholders.
     *
     * @param text the text
     * @return a template that always renders as {@code text}
     */
    public static Template literal(String text) {
        return new Template(text, List.of(new Text(text)));
    }

    /**
     * Whether the template has no placeholder, so checks can treat it as the value it is.
     *
     * @return true when every part is literal text
     */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Text);
    }
}
