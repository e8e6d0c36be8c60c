package dev.flowrules.dsl;

import dev.flowrules.event.Message;
import java.util.List;
import java.util.Map;

/**
 * One example from a {@code *.test.yaml} file: a message and what the rules must make of it. Every
 * expectation is optional; a null one is not checked. In {@code attributes}, an empty list means "absent".
 */
public record RuleTestCase(String name, SourcePos pos, Message message, Expectation expect) {

    public record Expectation(String outcome, List<String> rules, String content, String contentType, String metadata,
                              String pushTitle, String pushBody, String pushType, Map<String, List<String>> attributes) {
    }
}
