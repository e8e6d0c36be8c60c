package dev.flowrules.dsl;

import java.util.List;

/**
 * Text with placeholders: {@code {{content}}}, {@code {{sender.name}}}, {@code {{attributes.NAME}}} and
 * {@code {{matched}}}; in a rewrite or redaction also {@code $1} and {@code ${name}} for regex groups.
 * Nothing else is evaluated.
 */
public record Template(String source, List<Part> parts) {

    public sealed interface Part {
    }

    public record Text(String text) implements Part {
    }

    public record Insert(FieldRef field) implements Part {
    }

    /** The text the rule's condition matched on (first matching test). */
    public record Matched() implements Part {
    }

    public record Group(int index, String name) implements Part {
    }

    public static Template literal(String text) {
        return new Template(text, List.of(new Text(text)));
    }

    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Text);
    }
}
