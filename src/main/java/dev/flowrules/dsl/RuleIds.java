package dev.flowrules.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a rule id may be, and that each is used once across all files: errors the engine refuses to start with. */
public final class RuleIds {
    private RuleIds() {
    }

    /** Up to 64 of letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static boolean isValid(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * An error at every id declared before, in any file; ids of rules that failed to load count too.
     *
     * @param ids the ids as declared, in file order
     * @return an FR008 error at each repeat, naming the first
     */
    public static List<Diagnostic> duplicates(List<LoadResult.DeclaredId> ids) {
        List<Diagnostic> found = new ArrayList<>();
        Map<String, LoadResult.DeclaredId> byId = new HashMap<>();
        for (LoadResult.DeclaredId id : ids) {
            LoadResult.DeclaredId first = byId.putIfAbsent(id.id(), id);
            if (first != null) {
                found.add(Diagnostic.error(DiagnosticCode.FR008, id.pos(),
                        "duplicate rule id '" + id.id() + "' (first used at " + first.pos() + ")",
                        "rule ids must be unique across all rule files; rename one of them"));
            }
        }
        return found;
    }
}
