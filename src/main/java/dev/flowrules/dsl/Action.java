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

    /** Replaces the selected bot messages by a plain-text message. */
    record BotReplaceMessage(BotSelector selector, Template text, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-replace-message";
        }
    }

    record BotDropMessages(BotSelector selector, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-drop-messages";
        }
    }

    /** Adds a message at the end of a bot answer; {@code type} is PlainText or SSML. */
    record BotAppendMessage(Template text, String type, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-append-message";
        }
    }

    /** The explicit way out of a Lex document: the content becomes this text, the content type text/plain. */
    record BotToPlainText(Template text, SourcePos pos) implements Action {
        public String keyword() {
            return "bot-to-plain-text";
        }
    }

    record Stop(SourcePos pos) implements Action {
        public String keyword() {
            return "stop";
        }
    }
}
