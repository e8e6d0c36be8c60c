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

    record Result(Template template, String error, String hint) {
    }

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
                            "write placeholders as {{content}}, {{sender.name}} or {{attributes.NAME}}");
                }
                String name = text.substring(i + 2, close).trim();
                Template.Part part = placeholder(name);
                if (part == null) {
                    return failure("unknown placeholder '{{" + name + "}}'", placeholderHint(name));
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
        return new Result(new Template(text, List.copyOf(parts)), null, null);
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
        return new Result(null, error, hint);
    }
}
