package dev.flowrules.compile;

/**
 * Why a condition held: on which field, by which test, the value tested and the part of it that matched
 * (the word found, the regex match, the whole value for equality). For a test that holds because something is
 * absent ({@code not}, {@code exists: false}) the value is null.
 * <p>Internal: not exported by the module.
 */
public record Evidence(String field, String test, String value, String matched) {

    public String describe() {
        StringBuilder text = new StringBuilder(field).append(' ').append(test);
        if (matched != null) {
            text.append(" matched \"").append(Explain.abbreviate(matched)).append('"');
        }
        if (value != null && !value.equals(matched)) {
            text.append(" in \"").append(Explain.abbreviate(value)).append('"');
        }
        return text.toString();
    }
}
