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
    FR019("no-rule-files");

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
