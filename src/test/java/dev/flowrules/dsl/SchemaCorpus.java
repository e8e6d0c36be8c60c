package dev.flowrules.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule files (after "version: 1") on which the JSON Schema and {@code validate} must agree, and the known gaps
 * where they cannot (docs/editor.md). A list file words.txt exists beside them.
 */
final class SchemaCorpus {
    private SchemaCorpus() {
    }

    static final List<String> CASES = List.of(
            // valid
            "rules: [{id: r, when: always, then: deny}]",
            "rules: [{id: r, when: always, then: [deny]}]",
            "description: x\nrules: [{id: r.1_a-b, description: d, enabled: false, when: always, then: [stop]}]",
            "rules: [{id: r, when: {content: hello}, then: [{deny: spam}]}]",
            "rules: [{id: r, when: {content: 42}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains: a, ignore-case: true}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {one-of: [a, b]}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {starts-with: a, ends-with: b}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: [scam, free money]}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: {file: words.txt}}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {matches: 'order *'}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {regex: '\\d+'}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {length-at-least: 3, length-at-most: 9}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {longer-than: 3}}, then: [deny]}]",
            "rules: [{id: r, when: {metadata: {exists: false}}, then: [deny]}]",
            "rules: [{id: r, when: {attributes: {priority: {at-least: 4}}}, then: [deny]}]",
            "rules: [{id: r, when: {attributes: {priority: {greater-than: 1, less-than: 9, values: all}}}, then: [deny]}]",
            "rules: [{id: r, when: {attributes: {kind: call}}, then: [deny]}]",
            "rules: [{id: r, when: {all: [{content: a}, {any: [{metadata: b}, {not: {sender.name: c}}]}]}, then: [deny]}]",
            "rules: [{id: r, when: {bot.text: {contains: x, values: all}}, then: [deny]}]",
            "rules: [{id: r, when: {bot.intent: FallbackIntent}, then: [deny]}]",
            "rules: [{id: r, when: {bot.message-count: {at-least: 2}}, then: [deny]}]",
            "rules: [{id: r, when: {bot-message: {index: 1, type: ImageResponseCard, title: {contains: x}}}, then: [deny]}]",
            "rules: [{id: r, when: {bot-message: {index: last, button: {contains: x}}}, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{replace-content: 'x {{content}}'}]}]",
            "rules: [{id: r, when: always, then: [{rewrite: {regex: a, with: b, ignore-case: true}}]}]",
            "rules: [{id: r, when: always, then: [{redact: '\\d{4}'}]}]",
            "rules: [{id: r, when: always, then: [{redact: {regex: '\\d{4}', with: '#'}}]}]",
            "rules: [{id: r, when: always, then: [{set-metadata: m}, {set-attributes: {a: x, b: [y, z]}}]}]",
            "rules: [{id: r, when: always, then: [{remove-attributes: a}, {remove-attributes: [b, c]}]}]",
            "rules: [{id: r, when: always, then: [{set-push: {title: t, body: b, type: VOIP}}]}]",
            "rules: [{id: r, when: always, then: [{set-content-type: text/plain}]}]",
            "rules: [{id: r, when: always, then: [{bot-replace-message: {index: 1, with: hi}}]}]",
            "rules: [{id: r, when: always, then: [{bot-drop-messages: {type: CustomPayload}}]}]",
            "rules: [{id: r, when: always, then: [{bot-append-message: hi}, {bot-append-message: {with: hi, type: SSML}}]}]",
            "rules: [{id: r, when: always, then: [{bot-to-plain-text: 'Sorry: {{bot.error.message}}'}]}]",
            "rules: [{id: a, when: always, then: [{set-metadata: m}]}, {id: b, when: always, then: [deny]}]",
            // broken
            "rules: [{id: r, wehn: always, then: [deny]}]",
            "rules: [{id: r, then: [deny]}]",
            "rules: [{id: r, when: always}]",
            "rules: [{when: always, then: [deny]}]",
            "rules: [{id: '-r', when: always, then: [deny]}]",
            "rules: [{id: r, enabled: maybe, when: always, then: [deny]}]",
            "rules: [{id: r, when: never, then: [deny]}]",
            "rules: [{id: r, when: {}, then: [deny]}]",
            "rules: [{id: r, when: {contnet: x}, then: [deny]}]",
            "rules: [{id: r, when: {content: {containz: x}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {}}, then: [deny]}]",
            "rules: [{id: r, when: {content: [a, b]}, then: [deny]}]",
            "rules: [{id: r, when: {content: {one-of: []}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: []}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: {fiel: words.txt}}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {length-at-least: -1}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {length-at-least: x}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {exists: yes please}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {values: all, contains: x}}, then: [deny]}]",
            "rules: [{id: r, when: {attributes: {}}, then: [deny]}]",
            "rules: [{id: r, when: {all: []}, then: [deny]}]",
            "rules: [{id: r, when: {any: always}, then: [deny]}]",
            "rules: [{id: r, when: {bot-message: {index: 0}}, then: [deny]}]",
            "rules: [{id: r, when: {bot-message: {index: first}}, then: [deny]}]",
            "rules: [{id: r, when: {bot-message: {colour: red}}, then: [deny]}]",
            "rules: [{id: r, when: always, then: []}]",
            "rules: [{id: r, when: always, then: delete}]",
            "rules: [{id: r, when: always, then: [{delete: x}]}]",
            "rules: [{id: r, when: always, then: [{set-metadata: a, set-content-type: b}]}]",
            "rules: [{id: r, when: always, then: [{rewrite: {with: b}}]}]",
            "rules: [{id: r, when: always, then: [{redact: {rgex: x}}]}]",
            "rules: [{id: r, when: always, then: [{set-push: {type: LOUD}}]}]",
            "rules: [{id: r, when: always, then: [{set-push: {titel: x}}]}]",
            "rules: [{id: r, when: always, then: [{set-push: {}}]}]",
            "rules: [{id: r, when: always, then: [{set-attributes: {}}]}]",
            "rules: [{id: r, when: always, then: [{set-attributes: {a: []}}]}]",
            "rules: [{id: r, when: always, then: [{remove-attributes: []}]}]",
            "rules: [{id: r, when: always, then: [{set-content-type: " + "x".repeat(46) + "}]}]",
            "rules: [{id: r, when: always, then: [{bot-replace-message: {index: 1}}]}]",
            "rules: [{id: r, when: always, then: [{bot-append-message: {with: x, type: Card}}]}]",
            "rules: [{id: r, when: always, then: [{stop: false}]}]",
            "rules: [{id: r, when: always, then: [deny]}]\nextra: 1",
            "rules: [{id: r, when: always, then: [{rewrite: {regex: a}}]}]",
            "rules: [{id: r, when: {content: }, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{deny: true}]}]",
            "rules: [{id: r, when: always, then: [{deny: }]}]",
            "rules: [{id: r, when: always, then: [{redact: ''}]}]",
            "rules: [{id: r, when: always, then: [{replace-content: ''}]}]",
            "rules: [{id: r, when: always, then: [{set-metadata: ''}]}]",
            "rules: [{id: r, when: {content: {regex: ''}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {at-least: many}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {ignore-case: true}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {exists: true, ignore-case: true}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {length-at-least: 2.5}}, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{bot-drop-messages: }]}]",
            "rules: [{id: r, when: {bot-message: }, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{set-attributes: {'': x}}]}]",
            "rules: [{id: r, when: always, then: [{set-push: {title: ''}}]}]",
            "rules: [{id: '" + "a".repeat(65) + "', when: always, then: [deny]}]",
            "rules: [{id: 42, when: always, then: [deny]}]",
            "rules: [{id: r, when: always, then: [deny, {set-metadata: x}]}]",
            "rules: [{id: r, when: always, then: [stop, deny]}]",
            "rules: [{id: r, when: {not: [{content: x}]}, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{bot-to-plain-text: ''}]}]",
            "rules: [{id: r, when: always, then: [{bot-append-message: ''}]}]",
            "rules: [{id: r, when: always, then: [{bot-replace-message: {with: ''}}]}]",
            "rules: [{id: r, when: always, then: [{rewrite: {regex: a, with: ''}}]}]",
            "rules: [{id: r, when: always, then: [{set-attributes: {a: ''}}]}]",
            "rules: [{id: r, when: always, then: [{set-attributes: {" + "n".repeat(65) + ": x}}]}]",
            "rules: [{id: r, when: always, then: [{remove-attributes: ['']}]}]",
            "rules: [{id: r, when: always, then: [{set-content-type: ''}]}]",
            "rules: [{id: r, when: {content: {at-least: '1e3'}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {values: all}}, then: [deny]}]",
            "rules: [{id: r, when: {bot.text: {values: all, ignore-case: true}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: [a], ignore-case: true}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains: a, exists: true, ignore-case: false}}, then: [deny]}]",
            "rules: [{id: r, when: {content: true}, then: [deny]}]",
            "rules: [{id: r, when: {attributes: {'': x}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains: ''}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {matches: ''}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {one-of: [a, a]}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {contains-word: ['']}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {starts-with: ''}}, then: [deny]}]",
            "rules: [{id: r, when: {content: {equals: ''}}, then: [deny]}]",
            "rules: [{id: r, when: always, then: [{redact: {regex: a, with: ''}}]}]",
            "rules: [{id: -1, when: always, then: [deny]}]",
            "rules: [{id: r, description: 3, when: always, then: [deny]}]");

    /** Accepted by the schema, rejected by validate, and why a JSON Schema cannot tell. */
    static final Map<String, String> GAPS = gaps();

    private static Map<String, String> gaps() {
        Map<String, String> gaps = new LinkedHashMap<>();
        gaps.put("rules: [{id: r, when: always, then: [deny]}, {id: r, when: always, then: [stop]}]",
                "duplicate ids: JSON Schema's uniqueItems compares whole items, not one key");
        gaps.put("rules: [{id: r, when: {content: {contains-word: {file: missing.txt}}}, then: [deny]}]",
                "a list file that does not exist: a schema sees no files");
        gaps.put("rules: [{id: r, when: {content: {regex: '(unclosed'}}, then: [deny]}]",
                "a regex that does not compile: RE2 syntax is not expressible as a schema");
        gaps.put("rules: [{id: r, when: always, then: [{redact: '(unclosed'}]}]",
                "a regex that does not compile (in an action)");
        gaps.put("rules: [{id: r, when: always, then: [{set-metadata: '{{nonsense}}'}]}]",
                "an unknown placeholder in a template: the template grammar is checked by the loader");
        return gaps;
    }
}
