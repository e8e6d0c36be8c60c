package dev.flowrules.eval;

import com.google.re2j.Matcher;
import dev.flowrules.compile.MessageView;
import dev.flowrules.dsl.Template;

/** Fills templates from a view of the message (the working copy), the matched text and, in rewrites, regex groups. */
final class Templates {
    private Templates() {
    }

    static String render(Template template, MessageView original, String matched, Matcher groups) {
        if (template.parts().size() == 1 && template.parts().get(0) instanceof Template.Text only) {
            return only.text();
        }
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Text text) {
                out.append(text.text());
            } else if (part instanceof Template.Insert insert) {
                out.append(Template.filtered(insert.filters(), original.first(insert.field())));
            } else if (part instanceof Template.Matched placeholder) {
                out.append(matched == null ? "" : Template.filtered(placeholder.filters(), matched));
            } else if (part instanceof Template.Group group && groups != null) {
                String value = group.name() == null ? groups.group(group.index()) : groups.group(group.name());
                out.append(value == null ? "" : value);
            }
        }
        return out.toString();
    }
}
