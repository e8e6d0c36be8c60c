package dev.flowrules.cli;

import dev.flowrules.Engine;
import dev.flowrules.callback.RequestJson;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.event.InvalidEventException;
import dev.flowrules.playground.Trial;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code flowrules try}: one message from the command line, the outcome in words. For people, not scripts. */
final class TryCommand {
    private TryCommand() {
    }

    static int run(List<String> arguments, PrintStream out) {
        Args args = Args.parse(arguments,
                Set.of("--rules", "--message", "--attr", "--sender", "--content-type", "--sub-channel", "--metadata"),
                Set.of("--show-request"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positional().get(0)
                    + "' (put the message in quotes after --message)");
        }
        if (args.all("--rules").isEmpty() || args.one("--message") == null) {
            throw new Args.UsageException("try needs --rules and --message");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (String attribute : args.all("--attr")) {
            try {
                Trial.addAttribute(attributes, attribute);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        List<java.nio.file.Path> rules = Args.existing(args.all("--rules"));
        Engine engine;
        try {
            engine = Engine.fromRules(rules);
        } catch (RuleLoadException e) {
            Main.printDiagnostics(e.diagnostics(), out);
            out.println("the rules have errors; fix them first (flowrules validate " + String.join(" ", args.all("--rules")) + ")");
            return Main.EXIT_RULES;
        }
        Trial trial = new Trial(args.one("--message"), attributes, args.one("--sender"), args.one("--content-type"),
                args.one("--sub-channel"), args.one("--metadata"));
        Engine.Processed processed;
        try {
            processed = trial.run(engine);
        } catch (InvalidEventException e) {
            // Only ids and lengths the service itself would refuse get here, e.g. a bad --sub-channel.
            out.println("error: the message cannot be sent as given: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        out.println(Trial.verdict(processed.decision()));
        List<String> delivered = Trial.resultLines(processed.decision());
        if (!delivered.isEmpty()) {
            out.println();
            out.println("delivered message:");
            delivered.forEach(line -> out.println("  " + line));
        }
        out.println();
        out.println("why:");
        out.print(processed.decision().explain().indent(2));
        if (args.has("--show-request")) {
            out.println();
            out.println("request the processor Lambda sends (ChannelFlowCallback):");
            out.println(RequestJson.write(processed.request()));
        }
        return Main.EXIT_OK;
    }
}
