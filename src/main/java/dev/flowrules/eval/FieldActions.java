package dev.flowrules.eval;

import dev.flowrules.compile.CompiledAction;
import dev.flowrules.compile.Explain;
import dev.flowrules.event.MetadataJson;
import dev.flowrules.event.PushNotification;
import dev.flowrules.limits.ServiceLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions that write a field other than the content: metadata, attributes, push notification, content
 * type. Structured values over a limit are refused whole; human-facing push text is cut.
 */
final class FieldActions {
    private FieldActions() {
    }

    static String setMetadata(Working work, String ruleId, CompiledAction.SetMetadata set, String matched) {
        String metadata = work.render(set.metadata(), matched, null);
        String refused = refusedMetadata(work, ruleId, metadata);
        if (refused != null) {
            return "metadata not set (" + refused + ")";
        }
        work.overwrite(ruleId, "metadata", !metadata.equals(work.message().metadata()));
        work.set(work.message().withMetadata(metadata));
        return "metadata set to \"" + Explain.abbreviate(metadata) + "\"";
    }

    /**
     * Merges keys into the working copy's metadata, a JSON object (created when there is no metadata): the app's
     * other keys stay as written. Refused whole, with a note, when the metadata is not a JSON object or the result
     * would break the metadata's limits.
     */
    static String setMetadataKeys(Working work, String ruleId, CompiledAction.SetMetadataKeys set, String matched) {
        String current = work.message().metadata();
        MetadataJson.Read read = current == null || current.isEmpty()
                ? new MetadataJson.Members(Map.of()) : MetadataJson.read(current);
        if (read instanceof MetadataJson.NotAnObject not) {
            work.note(NoteKind.METADATA_NOT_OBJECT_REFUSED, ruleId, not.reason());
            return "metadata keys not set (the metadata is not a JSON object)";
        }
        MetadataJson.Members members = (MetadataJson.Members) read;
        Map<String, String> changed = new LinkedHashMap<>();
        set.keys().forEach((key, template) -> {
            String value = work.render(template, matched, null);
            MetadataJson.Member there = members.members().get(key);
            // A key already holding this very string keeps its text as the app wrote it.
            if (there == null || !there.json().startsWith("\"") || !value.equals(there.text())) {
                changed.put(key, value);
            }
        });
        String names = String.join(", ", set.keys().keySet());
        if (changed.isEmpty() && current != null && !current.isEmpty()) {
            return "metadata keys already set: " + names;
        }
        String metadata = MetadataJson.merge(members, changed);
        String refused = refusedMetadata(work, ruleId, metadata);
        if (refused != null) {
            return "metadata keys not set (" + refused + ")";
        }
        changed.keySet().forEach(key -> work.overwrite(ruleId, "metadata key '" + key + "'", true));
        work.edited(ruleId, "metadata");
        work.set(work.message().withMetadata(metadata));
        return "metadata keys set: " + names;
    }

    /** Why the service would refuse this metadata ("too long", "line break"), after noting it; null when it fits. */
    private static String refusedMetadata(Working work, String ruleId, String metadata) {
        if (ServiceLimits.length(metadata) > ServiceLimits.METADATA_MAX) {
            work.note(NoteKind.METADATA_TOO_LONG_REFUSED, ruleId, ServiceLimits.length(metadata), ServiceLimits.METADATA_MAX);
            return "too long";
        }
        if (ServiceLimits.hasLineTerminator(metadata)) {
            work.note(NoteKind.METADATA_LINE_BREAK_REFUSED, ruleId);
            return "line break";
        }
        return null;
    }

    static String setAttributes(Working work, String ruleId, CompiledAction.SetAttributes set, String matched) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(work.message().attributes());
        List<String> names = new ArrayList<>();
        set.attributes().forEach((name, templates) -> {
            List<String> values = new ArrayList<>();
            for (var template : templates) {
                String value = work.render(template, matched, null);
                if (value.isEmpty()) {
                    work.note(NoteKind.ATTRIBUTE_VALUE_EMPTY, ruleId, name);
                } else if (ServiceLimits.length(value) > ServiceLimits.ATTRIBUTE_VALUE_MAX) {
                    work.note(NoteKind.ATTRIBUTE_VALUE_TOO_LONG_REFUSED, ruleId, ServiceLimits.length(value), name,
                            ServiceLimits.ATTRIBUTE_VALUE_MAX);
                } else {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                work.note(NoteKind.ATTRIBUTE_NOT_SET, ruleId, name);
                return;
            }
            attributes.put(name, List.copyOf(values));
            names.add(name);
        });
        int size = ServiceLimits.attributesBytes(attributes);
        if (size > ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES) {
            work.note(NoteKind.ATTRIBUTES_TOO_LARGE_REFUSED, ruleId, String.join(", ", names), size,
                    ServiceLimits.ATTRIBUTES_TOTAL_MAX_BYTES);
            return "attributes not set (too large)";
        }
        names.forEach(n -> work.overwrite(ruleId, "attributes." + n,
                !attributes.get(n).equals(work.message().attributes().get(n))));
        work.set(work.message().withAttributes(attributes));
        return names.isEmpty() ? "no attribute set" : "attributes set: " + String.join(", ", names);
    }

    static String removeAttributes(Working work, String ruleId, CompiledAction.RemoveAttributes remove) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(work.message().attributes());
        List<String> removed = remove.names().stream().filter(n -> attributes.remove(n) != null).toList();
        work.set(work.message().withAttributes(attributes));
        removed.forEach(n -> work.overwrite(ruleId, "attributes." + n, true));
        return removed.isEmpty() ? "no attribute to remove" : "attributes removed: " + String.join(", ", removed);
    }

    static String setPush(Working work, String ruleId, CompiledAction.SetPush push, String matched) {
        PushNotification current = work.message().push();
        List<String> parts = new ArrayList<>();
        if (push.title() != null) {
            String title = fittedPushText(work, ruleId, "title",
                    singleLine(work, ruleId, work.render(push.title(), matched, null)), ServiceLimits.PUSH_TITLE_MAX);
            if (title != null) {
                work.overwrite(ruleId, "push.title", !title.equals(current.title()));
                current = current.withTitle(title);
                parts.add("title \"" + title + "\"");
            }
        }
        if (push.body() != null) {
            String body = fittedPushText(work, ruleId, "body",
                    work.render(push.body(), matched, null), ServiceLimits.PUSH_BODY_MAX);
            if (body != null) {
                work.overwrite(ruleId, "push.body", !body.equals(current.body()));
                current = current.withBody(body);
                parts.add("body \"" + Explain.abbreviate(body) + "\"");
            }
        }
        if (push.type() != null) {
            work.overwrite(ruleId, "push.type", !push.type().equals(current.type()));
            current = current.withType(push.type());
            parts.add("type " + push.type());
        }
        work.set(work.message().withPush(current));
        return parts.isEmpty() ? "push notification unchanged" : "push notification " + String.join(", ", parts);
    }

    static String setContentType(Working work, String ruleId, CompiledAction.SetContentType type) {
        work.overwrite(ruleId, "content-type", !type.contentType().equals(work.message().contentType()));
        work.set(work.message().withContentType(type.contentType()));
        return "content type set to " + type.contentType();
    }

    /** The title's pattern is {@code .*}: line breaks become spaces, so a title from a template still fits. */
    private static String singleLine(Working work, String ruleId, String title) {
        if (!ServiceLimits.hasLineTerminator(title)) {
            return title;
        }
        work.note(NoteKind.PUSH_TITLE_LINE_BREAKS_REPLACED, ruleId);
        return ServiceLimits.lineTerminatorsToSpaces(title);
    }

    private static String fittedPushText(Working work, String ruleId, String part, String text, int max) {
        if (text.isEmpty()) {
            work.note(NoteKind.PUSH_EMPTY_REFUSED, ruleId, part);
            return null;
        }
        String fitted = TextLimits.cutToChars(text, max);
        if (!fitted.equals(text)) {
            work.note(NoteKind.PUSH_CUT, ruleId, part, max);
        }
        return fitted;
    }
}
