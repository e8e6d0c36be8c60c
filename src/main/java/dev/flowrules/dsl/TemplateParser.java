package dev.flowrules.dsl;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code {{field}}} placeholders and, in rewrites, {@code $1}/{@code ${name}} group references. Unknown
 * names are errors with a suggestion, so a typo never reaches a message.
 */
final class TemplateParser {
    static final String MATCHED = "matched";

    private final String text;
    private final boolean groups;
    private final Pattern regex;

    TemplateParser(String text, boolean groups, Pattern regex) {
        this.text = text;
        this.groups = groups;
        this.regex = regex;
    }

    /** The template, or an error and hint with the index in the text of what they concern (-1: the whole text). */
    record Result(Template template, String error, String hint, int at) {
    }

    /** The largest N of {@code first:N}: more than any field the service allows holds. */
    static final int FIRST_MAX = 4096;
    static final String FILTERS = "first:N, upper, lower";

    Result parse() {
        List<Template.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && text.startsWith("{{", i)) {
                int close = text.indexOf("}}", i + 2);
                if (close < 0) {
                    return failure("'{{' at character " + (i + 1) + " is not closed",
                            "write placeholders as {{content}}, {{sender.name}} or {{attributes.NAME}}", i);
                }
                String written = text.substring(i + 2, close);
                List<String> segments = segments(written);
                String name = segments.get(0).trim();
                Template.Part part = placeholder(name);
                if (part == null) {
                    return failure("unknown placeholder '{{" + name + "}}'", placeholderHint(name), i);
                }
                List<Template.Filter> filters = new ArrayList<>();
                for (int f = 1; f < segments.size(); f++) {
                    Object filter = filter(segments.get(f).trim(), "{{" + written.trim() + "}}");
                    if (filter instanceof Result problem) {
                        return failure(problem.error(), problem.hint(), i);
                    }
                    filters.add((Template.Filter) filter);
                }
                if (!filters.isEmpty()) {
                    part = part instanceof Template.Insert insert ? new Template.Insert(insert.field(), List.copyOf(filters))
                            : new Template.Matched(List.copyOf(filters));
                }
                flush(literal, parts);
                parts.add(part);
                i = close + 2;
            } else if (groups && c == '$') {
                Result problem = group(i, literal, parts);
                if (problem != null) {
                    return problem;
                }
                i = nextAfterGroup(i);
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new Result(new Template(text, List.copyOf(parts)), null, null, -1);
    }

    /** The name and each filter of a placeholder: the text between its '|'s. */
    private static List<String> segments(String written) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int bar = written.indexOf('|'); bar >= 0; bar = written.indexOf('|', start)) {
            segments.add(written.substring(start, bar));
            start = bar + 1;
        }
        segments.add(written.substring(start));
        return segments;
    }

    /** One filter after a '|': a {@link Template.Filter}, or a failure {@link Result}. */
    private static Object filter(String written, String placeholder) {
        int colon = written.indexOf(':');
        String name = (colon < 0 ? written : written.substring(0, colon)).trim();
        String value = colon < 0 ? null : written.substring(colon + 1).trim();
        if (written.isEmpty()) {
            return failure("an empty filter after '|' in '" + placeholder + "'",
                    "write a filter after each '|': " + FILTERS + ", e.g. {{content|first:100}}");
        }
        switch (name) {
            case "first" -> {
                if (value == null || value.isEmpty()) {
                    return failure("'first' in '" + placeholder + "' needs a number of characters",
                            "write first:N, e.g. {{content|first:100}} keeps the first 100 characters");
                }
                int count = value.length() <= 5 && value.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(value) : -1;
                if (count < 1 || count > FIRST_MAX) {
                    return failure("'first:" + value + "' in '" + placeholder + "' needs a whole number of characters from 1 to "
                            + FIRST_MAX, "e.g. {{content|first:100}} keeps the first 100 characters");
                }
                return new Template.First(count);
            }
            case "upper", "lower" -> {
                if (value != null) {
                    return failure("'" + name + "' in '" + placeholder + "' takes no value",
                            "write {{sender.name|" + name + "}}, without ':'");
                }
                return new Template.Case(name.equals("upper"));
            }
            default -> {
                return failure("unknown filter '" + name + "' in '" + placeholder + "'",
                        Suggest.closest(name, List.of("first", "upper", "lower")).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "filters: " + FILTERS);
            }
        }
    }

    private Result group(int at, StringBuilder literal, List<Template.Part> parts) {
        if (at + 1 >= text.length()) {
            return failure("'$' at the end needs a group number", "write $1 for the first group, or $$ for a dollar sign");
        }
        char next = text.charAt(at + 1);
        if (next == '$') {
            literal.append('$');
            return null;
        }
        if (Character.isDigit(next)) {
            int index = next - '0';
            if (regex != null && index > regex.groupCount()) {
                return failure("$" + index + " refers to group " + index + " but the regex has " + regex.groupCount()
                        + " group(s)", "groups are the parts of the regex in ( ); $0 is the whole match");
            }
            flush(literal, parts);
            parts.add(new Template.Group(index, null));
            return null;
        }
        if (next == '{') {
            int close = text.indexOf('}', at + 2);
            if (close < 0) {
                return failure("'${' is not closed", "write ${name} for a named group, or $$ for a dollar sign");
            }
            String name = text.substring(at + 2, close);
            if (regex != null && !regex.namedGroups().containsKey(name)) {
                return failure("the regex has no group named '" + name + "'", "name a group with (?P<" + name + ">...)");
            }
            flush(literal, parts);
            parts.add(new Template.Group(-1, name));
            return null;
        }
        return failure("'$' must be followed by a group number, {name} or another '$'",
                "write $$ for a literal dollar sign");
    }

    private int nextAfterGroup(int at) {
        char next = text.charAt(at + 1);
        if (next == '{') {
            return text.indexOf('}', at + 2) + 1;
        }
        return at + 2;
    }

    static Template.Part placeholder(String name) {
        if (name.equals(MATCHED)) {
            return new Template.Matched();
        }
        if (name.startsWith("attributes.") && name.length() > "attributes.".length()) {
            return new Template.Insert(FieldRef.attribute(name.substring("attributes.".length())));
        }
        String metadataKey = Field.metadataKey(name);
        if (metadataKey != null && !metadataKey.isEmpty()) {
            return new Template.Insert(FieldRef.metadataKey(metadataKey));
        }
        return Field.byKey(name).filter(f -> f != Field.ATTRIBUTE).map(f -> (Template.Part) new Template.Insert(FieldRef.of(f)))
                .orElse(null);
    }

    private static String placeholderHint(String name) {
        List<String> known = new ArrayList<>(Field.keys());
        known.remove("attributes");
        known.add(MATCHED);
        return ConditionParser.metadataTypo(name).or(() -> Suggest.closest(name, known)).map(s -> "did you mean '{{" + s + "}}'?")
                .orElse("placeholders: {{" + String.join("}}, {{", known) + "}}, {{attributes.NAME}}, {{metadata.KEY}}");
    }

    private static void flush(StringBuilder literal, List<Template.Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Template.Text(literal.toString()));
            literal.setLength(0);
        }
    }

    private static Result failure(String error, String hint) {
        return new Result(null, error, hint, -1);
    }

    private static Result failure(String error, String hint, int at) {
        return new Result(null, error, hint, at);
    }
}
