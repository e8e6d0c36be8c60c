package dev.flowrules.bench;

import dev.flowrules.event.Message;
import java.util.List;

/** For measuring the workload itself (matches and candidates per message) from outside the package. */
public final class WorkloadAccess {
    private WorkloadAccess() {
    }

    public static String file(int rules, boolean selective) {
        return Workload.ruleFile(rules, "{set-metadata: r%d}", selective);
    }

    public static List<Message> messages(int rules) {
        return Workload.messages(rules, 64, 42).stream().map(Workload.Msg::message).toList();
    }
}
