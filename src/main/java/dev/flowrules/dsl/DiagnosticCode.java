package dev.flowrules.dsl;

/**
 * Stable codes for every problem the loader and the checker report. Codes never change meaning once released;
 * each is documented in docs/diagnostics.md with a bad example and the fix.
 */
public enum DiagnosticCode {
    /** The file is not valid YAML. */
    FR001("yaml-syntax"),
    /** A key the rule language does not know, with the closest known one as a hint. */
    FR002("unknown-key"),
    /** A value of the wrong type: a list where text belongs, text where a number belongs. */
    FR003("wrong-type"),
    /** A required key is missing. */
    FR004("missing-key"),
    /** A pattern re2j cannot compile, or one over the size limit. */
    FR005("invalid-regex"),
    /** A field name the rule language does not know. */
    FR006("unknown-field"),
    /** A test keyword the rule language does not know. */
    FR007("unknown-operator"),
    /** Two rules share an id. */
    FR008("duplicate-rule-id"),
    /** A word list file that does not exist. */
    FR009("missing-list-file"),
    /** A rule file without rules. */
    FR010("empty-rule-file"),
    /** A {@code version} this engine does not read. */
    FR011("unsupported-version"),
    /** A key written twice in one mapping. */
    FR012("duplicate-key"),
    /** A value outside what its key accepts. */
    FR013("invalid-value"),
    /** A literal value the service would refuse (too long, wrong pattern). */
    FR014("service-limit"),
    /** A template that does not parse or names an unknown value. */
    FR015("template-error"),
    /** A file or directory that cannot be read, or one outside the rules directory. */
    FR016("unreadable-file"),
    /** A loader limit exceeded: file size, nesting, aliases, rules per file, list entries. */
    FR017("limit-exceeded"),
    /** A YAML tag, which could make the parser build objects; none is allowed. */
    FR018("forbidden-yaml-tag"),
    /** No rule file found under the inputs. */
    FR019("no-rule-files"),
    /** A rule no message can reach, because an earlier rule always ends evaluation first. */
    FR020("unreachable-rule"),
    /** A change a later rule always overwrites. */
    FR021("overwritten-change"),
    /** A pattern that can never match. */
    FR022("regex-never-matches"),
    /** A pattern that matches the empty text, so it holds for every value. */
    FR023("regex-matches-empty"),
    /** A template value that may be absent when the rule runs. */
    FR024("template-value-may-be-missing"),
    /** A word or domain list with no entries. */
    FR025("empty-list"),
    /** A list entry written twice. */
    FR026("duplicate-list-entry"),
    /** A list entry whole-word matching can never find. */
    FR027("list-entry-never-matches"),
    /** Tabs used for indentation. */
    FR028("tab-indentation"),
    /** An example of a rule test whose expectations do not hold. */
    FR029("rule-test-failed"),
    /** A rule test file that cannot be run as written. */
    FR030("invalid-rule-test"),
    /** A list entry that folding changes, so it matches less than it shows. */
    FR031("list-entry-loses-characters"),
    /** Conditions of an {@code all} that can never hold together. */
    FR032("conditions-never-hold-together");

    private final String title;

    DiagnosticCode(String title) {
        this.title = title;
    }

    /**
     * The code as diagnostics print it, stable across releases.
     *
     * @return e.g. {@code FR001}
     */
    public String id() {
        return name();
    }

    /**
     * The short name docs/diagnostics.md gives the code, for SARIF rules and reports.
     *
     * @return e.g. {@code yaml-syntax}
     */
    public String title() {
        return title;
    }
}
