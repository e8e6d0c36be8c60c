package dev.flowrules.cli;

import dev.flowrules.Engine;
import dev.flowrules.callback.RequestJson;
import dev.flowrules.check.RuleChecker;
import dev.flowrules.check.RuleTests;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.LoadResult;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.event.InvalidEventException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar flowrules.jar eval|validate ...}. Exit codes: 0 success, 1 the rules have errors,
 * 2 wrong usage or an input that cannot be read. Problems are printed as messages, never as stack traces.
 */
public final class Main {
    static final String USAGE = """
            usage:
              flowrules eval --rules FILE_OR_DIR [--rules ...] --event EVENT.json|DIR [--explain]
                  print the ChannelFlowCallback request for each processor event
                  (--explain: which rules matched, on what, on stderr)
              flowrules validate FILE_OR_DIR...
                  check rule files (and run the tests beside them); every problem as
                  file:line:column: error|warning: message
              flowrules test FILE_OR_DIR...
                  run the examples in *.test.yaml beside the rules; ends with 'N passed, N failed'
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (command) {
                case "eval" -> eval(rest, out, err);
                case "validate" -> validate(rest, out, err);
                case "test" -> test(rest, out);
                default -> usage(err, "unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return 2;
        }
    }

    private static int eval(List<String> args, PrintStream out, PrintStream err) {
        List<Path> rules = new ArrayList<>();
        Path event = null;
        boolean explain = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--rules" -> rules.add(Path.of(value(args, ++i, "--rules")));
                case "--event" -> event = Path.of(value(args, ++i, "--event"));
                case "--explain" -> explain = true;
                default -> throw new UsageException("unknown option '" + args.get(i) + "'");
            }
        }
        if (rules.isEmpty() || event == null) {
            throw new UsageException("eval needs --rules and --event");
        }
        Engine engine;
        try {
            engine = Engine.fromRules(rules);
        } catch (RuleLoadException e) {
            printDiagnostics(e.diagnostics(), err);
            return 1;
        }
        List<Path> events;
        try {
            events = eventFiles(event);
        } catch (IOException e) {
            err.println("error: cannot read " + event + ": " + e.getMessage());
            return 2;
        }
        int status = 0;
        for (Path file : events) {
            if (events.size() > 1) {
                out.println("### " + file.toString().replace('\\', '/'));
                if (explain) {
                    err.println("### " + file.toString().replace('\\', '/'));
                }
            }
            try {
                Engine.Processed processed = engine.process(Files.readAllBytes(file));
                out.println(RequestJson.write(processed.request()));
                if (explain) {
                    err.print(processed.decision().explain());
                }
            } catch (InvalidEventException e) {
                err.println(file + ": error: " + e.getMessage());
                status = 2;
            } catch (IOException e) {
                err.println(file + ": error: cannot read the event: " + e.getMessage());
                status = 2;
            }
        }
        return status;
    }

    /** One event file, or every {@code *.json} in a directory except expected requests, by name. */
    public static List<Path> eventFiles(Path event) throws IOException {
        if (!Files.isDirectory(event)) {
            return List.of(event);
        }
        try (Stream<Path> files = Files.list(event)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    private static int validate(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("validate needs at least one rule file or directory");
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        LoadResult result = RuleChecker.validate(args.stream().map(Path::of).toList(), true);
        printDiagnostics(result.diagnostics(), out);
        long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = result.diagnostics().size() - errors;
        int rules = result.files().stream().mapToInt(f -> f.rules().size()).sum();
        if (errors > 0) {
            long files = result.diagnostics().stream().map(d -> d.pos().file()).distinct().count();
            out.println(Summary.problems(errors, warnings, files));
            return 1;
        }
        out.println("ok: " + rules + " rule(s) in " + result.files().size() + " file(s)"
                + (warnings > 0 ? ", " + Summary.count(warnings, "warning") : ""));
        return 0;
    }

    private static int test(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new UsageException("test needs at least one rule file or directory");
        }
        List<Path> inputs = args.stream().map(Path::of).toList();
        LoadResult loaded = RuleChecker.validate(inputs);
        if (loaded.hasErrors()) {
            printDiagnostics(loaded.errors(), out);
            out.println("the rules have errors; no test was run");
            out.println("0 passed, 0 failed");
            return 1;
        }
        RuleTests.Report report = RuleTests.run(inputs, loaded.files());
        printDiagnostics(report.diagnostics(), out);
        out.println(RuleTests.summary(report));
        return report.failed() == 0 ? 0 : 1;
    }

    static void printDiagnostics(List<Diagnostic> diagnostics, PrintStream stream) {
        diagnostics.forEach(d -> stream.println(d.format()));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(USAGE);
        return 2;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
