package dev.flowrules.compile;

import com.google.re2j.Pattern;
import dev.flowrules.dsl.SourcePos;
import dev.flowrules.dsl.Template;
import java.util.List;
import java.util.Map;

/** An action ready to run: regexes compiled, templates parsed. */
public sealed interface CompiledAction {
    SourcePos pos();

    record Deny(String reason, SourcePos pos) implements CompiledAction {
    }

    record ReplaceContent(Template content, SourcePos pos) implements CompiledAction {
    }

    /** {@code replacement} null masks each character of a match with '*'. */
    record RewriteContent(String keyword, Pattern pattern, Template replacement, SourcePos pos) implements CompiledAction {
    }

    record SetMetadata(Template metadata, SourcePos pos) implements CompiledAction {
    }

    record SetAttributes(Map<String, List<Template>> attributes, SourcePos pos) implements CompiledAction {
    }

    record RemoveAttributes(List<String> names, SourcePos pos) implements CompiledAction {
    }

    record SetPush(Template title, Template body, String type, SourcePos pos) implements CompiledAction {
    }

    record SetContentType(String contentType, SourcePos pos) implements CompiledAction {
    }

    record BotReplaceMessage(CompiledSelector selector, Template text, SourcePos pos) implements CompiledAction {
    }

    record BotDropMessages(CompiledSelector selector, SourcePos pos) implements CompiledAction {
    }

    record BotAppendMessage(Template text, String type, SourcePos pos) implements CompiledAction {
    }

    record BotToPlainText(Template text, SourcePos pos) implements CompiledAction {
    }

    record Stop(SourcePos pos) implements CompiledAction {
    }
}
