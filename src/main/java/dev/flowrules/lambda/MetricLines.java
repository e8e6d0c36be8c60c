package dev.flowrules.lambda;

import java.util.List;
import java.util.function.Consumer;

/**
 * CloudWatch metrics as Embedded Metric Format lines (no client, no dependency: CloudWatch Logs extracts them
 * from the function's log). Per event: {@code Messages}, {@code CallbackAttempts} and {@code CallbackLatency}
 * (milliseconds) by {@code Outcome} and by {@code Status}; per matched rule, {@code RuleMatches} by {@code Rule}.
 */
final class MetricLines {
    private final String namespace;

    MetricLines(String namespace) {
        this.namespace = namespace;
    }

    void write(Consumer<String> out, long timestamp, String status, String outcome, int attempts, long latencyMillis,
               List<String> ruleIds) {
        JsonLine event = header(timestamp, List.of(List.of("Outcome"), List.of("Status")),
                List.of("Messages", "Count", "CallbackAttempts", "Count", "CallbackLatency", "Milliseconds"));
        out.accept(event.put("Outcome", outcome).put("Status", status).put("Messages", 1)
                .put("CallbackAttempts", attempts).put("CallbackLatency", latencyMillis).end());
        for (String rule : ruleIds) {
            out.accept(header(timestamp, List.of(List.of("Rule")), List.of("RuleMatches", "Count"))
                    .put("Rule", rule).put("RuleMatches", 1).end());
        }
    }

    /** The {@code _aws} block; {@code metrics} alternates names and units. */
    private JsonLine header(long timestamp, List<List<String>> dimensions, List<String> metrics) {
        JsonLine line = new JsonLine().startObject("_aws").put("Timestamp", timestamp).startArray("CloudWatchMetrics")
                .startObject().put("Namespace", namespace).startArray("Dimensions");
        for (List<String> set : dimensions) {
            line.array(set);
        }
        line.endArray().startArray("Metrics");
        for (int i = 0; i < metrics.size(); i += 2) {
            line.startObject().put("Name", metrics.get(i)).put("Unit", metrics.get(i + 1)).endObject();
        }
        return line.endArray().endObject().endArray().endObject();
    }
}
