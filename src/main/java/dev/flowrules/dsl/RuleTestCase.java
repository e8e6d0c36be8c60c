package dev.flowrules.dsl;

import dev.flowrules.event.Message;
import java.util.List;
import java.util.Map;

/**
 * One example from a {@code *.test.yaml} file: a message and what the rules must make of it. Every
 * expectation is optional; a null one is not checked. In {@code attributes}, an empty list means "absent".
 *
 * @param name the example's name, as reports show it
 * @param pos where the example starts in its test file
 * @param message the message the rules see
 * @param expect what the rules must make of it
 */
public record RuleTestCase(String name, SourcePos pos, Message message, Expectation expect) {

    /**
     * What an example expects; null for what it does not check.
     *
     * @param outcome {@code deny}, {@code update} or {@code no-change}
     * @param rules the ids of the rules that must match, in order
     * @param content the content to deliver
     * @param contentType the content type to deliver
     * @param metadata the metadata to deliver
     * @param pushTitle the push title to deliver
     * @param pushBody the push body to deliver
     * @param pushType the push type to deliver
     * @param attributes attribute values to deliver; an empty list means the attribute must be absent
     */
    public record Expectation(String outcome, List<String> rules, String content, String contentType, String metadata,
                              String pushTitle, String pushBody, String pushType, Map<String, List<String>> attributes) {
    }
}
