package dev.flowrules.dsl;

import java.util.List;
import java.util.Map;

/** One item of a rule's {@code then}. */
public sealed interface Action {
    SourcePos pos();

    String keyword();

    record Deny(String reason, SourcePos pos) implements Action {
        public String keyword() {
            return "deny";
        }
    }

    record ReplaceContent(Template content, SourcePos pos) implements Action {
        public String keyword() {
            return "replace-content";
        }
    }

    /**
     * Replaces every match of {@code regex} in the current content. With {@code replacement} null (a redaction
     * without {@code with}), each character of the match becomes {@code *}.
     */
    record RewriteContent(String keyword, String regex, boolean ignoreCase, Template replacement, SourcePos pos)
            implements Action {
    }

    record SetMetadata(Template metadata, SourcePos pos) implements Action {
        public String keyword() {
            return "set-metadata";
        }
    }

    record SetAttributes(Map<String, List<Template>> attributes, SourcePos pos) implements Action {
        public String keyword() {
            return "set-attributes";
        }
    }

    record RemoveAttributes(List<String> names, SourcePos pos) implements Action {
        public String keyword() {
            return "remove-attributes";
        }
    }

    /** Any part may be null: only the parts given are set. */
    record SetPush(Template title, Template body, String type, SourcePos pos) implements Action {
        public String keyword() {
            return "set-push";
        }
    }

    record SetContentType(String contentType, SourcePos pos) implements Action {
        public String keyword() {
            return "set-content-type";
        }
    }

    record Stop(SourcePos pos) implements Action {
        public String keyword() {
            return "stop";
        }
    }
}
