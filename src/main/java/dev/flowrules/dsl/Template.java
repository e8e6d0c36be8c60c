package dev.flowrules.dsl;

import java.util.List;

/**
 * Text with placeholders: {@code {{content}}}, {@code {{sender.name}}}, {@code {{attributes.NAME}}},
 * {@code {{metadata.KEY}}} and {@code {{matched}}}, each optionally through filters ({@code {{content|first:100}}});
 * in a rewrite or redaction also {@code $1} and {@code ${name}} for regex groups. Nothing else is evaluated.
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
     * A placeholder for a field of the message: {@code {{sender.name}}}, {@code {{content|first:100}}}.
     *
     * @param field the field inserted
     * @param filters what its value goes through, in written order
     */
    public record Insert(FieldRef field, List<Filter> filters) implements Part {
        /**
         * A placeholder without filters.
         *
         * @param field the field inserted
         */
        public Insert(FieldRef field) {
            this(field, List.of());
        }
    }

    /**
     * The text the rule's condition matched on (first matching test).
     *
     * @param filters what it goes through, in written order
     */
    public record Matched(List<Filter> filters) implements Part {
        /** {@code {{matched}}} without filters. */
        public Matched() {
            this(List.of());
        }
    }

    /**
     * What a placeholder's value goes through, left to right: {@code {{content|lower|first:20}}}. Filters
     * change text only; like placeholders, they cannot run code.
     */
    public sealed interface Filter {
        /**
         * Applies the filter.
         *
         * @param value the text so far
         * @return the filtered text
         */
        String apply(String value);

        /**
         * The filter as the author writes it.
         *
         * @return e.g. {@code first:100}, {@code upper}
         */
        String written();
    }

    /**
     * The first {@code count} characters, counted in code points: a surrogate pair is never split.
     *
     * @param count how many characters to keep, from 1
     */
    public record First(int count) implements Filter {
        @Override
        public String apply(String value) {
            int length = value.codePointCount(0, value.length());
            return length <= count ? value : value.substring(0, value.offsetByCodePoints(0, count));
        }

        @Override
        public String written() {
            return "first:" + count;
        }
    }

    /**
     * Upper or lower case, the same in every locale.
     *
     * @param upper true for {@code upper}, false for {@code lower}
     */
    public record Case(boolean upper) implements Filter {
        @Override
        public String apply(String value) {
            return upper ? value.toUpperCase(java.util.Locale.ROOT) : value.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String written() {
            return upper ? "upper" : "lower";
        }
    }

    /**
     * A value through filters.
     *
     * @param filters the filters, applied in order
     * @param value the value a placeholder inserts
     * @return the value after every filter
     */
    public static String filtered(List<Filter> filters, String value) {
        String result = value;
        for (Filter filter : filters) {
            result = filter.apply(result);
        }
        return result;
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
