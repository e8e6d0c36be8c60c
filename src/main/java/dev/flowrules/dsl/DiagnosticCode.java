package dev.flowrules.dsl;

/**
 * Stable codes for every problem the loader and the checker report. Codes never change meaning once released;
 * each is documented in docs/diagnostics.md with a bad example and the fix.
 */
public enum DiagnosticCode {
    FR001("yaml-syntax"),
    FR002("unknown-key"),
    FR003("wrong-type"),
    FR004("missing-key"),
    FR005("invalid-regex"),
    FR006("unknown-field"),
    FR007("unknown-operator"),
    FR008("duplicate-rule-id"),
    FR009("missing-list-file"),
    FR010("empty-rule-file"),
    FR011("unsupported-version"),
    FR012("duplicate-key"),
    FR013("invalid-value"),
    FR014("service-limit"),
    FR015("template-error"),
    FR016("unreadable-file"),
    FR017("limit-exceeded"),
    FR018("forbidden-yaml-tag"),
    FR019("no-rule-files"),
    FR020("unreachable-rule"),
    FR021("overwritten-change"),
    FR022("regex-never-matches"),
    FR023("regex-matches-empty"),
    FR024("template-value-may-be-missing"),
    FR025("empty-list"),
    FR026("duplicate-list-entry"),
    FR027("list-entry-never-matches"),
    FR028("tab-indentation"),
    FR029("rule-test-failed"),
    FR030("invalid-rule-test"),
    FR031("list-entry-loses-characters"),
    FR032("conditions-never-hold-together");

    private final String title;

    DiagnosticCode(String title) {
        this.title = title;
    }

    public String id() {
        return name();
    }

    public String title() {
        return title;
    }
}
