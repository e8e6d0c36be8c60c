package dev.flowrules.cli;

import dev.flowrules.dsl.Diagnostic;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar flowrules.jar COMMAND ...}. Exit codes (docs/cli.md): {@value #EXIT_OK} success,
 * {@value #EXIT_RULES} the rules have errors or a rule test failed, {@value #EXIT_USAGE} wrong usage, a path that
 * does not exist, or an event that cannot be read, {@value #EXIT_INTERNAL} an internal error. Problems are printed as messages, never as stack traces.
 * <p>Internal: not exported by the module.
 */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_RULES = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    /** Each command's help, in the order the overview lists them. */
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("try", """
                flowrules try --rules DIR --message TEXT [--attr NAME=VALUE ...] [--sender ARN]
                              [--content-type TYPE] [--sub-channel ID] [--metadata TEXT] [--show-request]
                    try one message against the rules, without writing an event: prints what happens to
                    it, the message as delivered and, in words, which rules matched and why
                    (--show-request: also the ChannelFlowCallback request the Lambda would send)""");
        HELP.put("validate", """
                flowrules validate [--format text|json|sarif] FILE_OR_DIR...
                    check rule files and run the rule tests beside them (NAME.test.yaml); every problem
                    as file:line:column: error|warning: message, then how many rule tests ran and passed
                    (--format json: one JSON document; --format sarif: SARIF 2.1.0 for CI and editors)""");
        HELP.put("test", """
                flowrules test FILE_OR_DIR...
                    run only the rule tests (NAME.test.yaml beside NAME.yaml); ends with 'N passed, N failed'""");
        HELP.put("eval", """
                flowrules eval --rules FILE_OR_DIR [--rules ...] --event EVENT.json|DIR|- [--event ...]
                               [--explain] [--array]
                    print the ChannelFlowCallback request for each channel-flow processor event
                    ('-' reads one event from standard input); one event prints one JSON document,
                    several print JSON Lines (one request per line) or, with --array, one JSON array;
                    --explain writes which rules matched, and why, to standard error""");
        HELP.put("serve", """
                flowrules serve [--port N] DIR
                    start the playground on 127.0.0.1 (a free port unless --port): a page to edit the rule
                    files of DIR with problems shown as you type, try messages and see the rule tests;
                    saves only rules that load without errors (docs/playground.md); Ctrl+C stops it""");
        HELP.put("schema", """
                flowrules schema
                    print the JSON Schema of rule files (for editors; docs/editor.md)""");
    }

    static final String USAGE = "usage:\n" + String.join("\n", HELP.values()).indent(2)
            + "  flowrules --version | --help | COMMAND --help\n"
            + "exit codes: 0 ok, 1 the rules have errors or a rule test failed, 2 wrong usage or unreadable input,\n"
            + "  3 internal error\n";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs one command; returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        if (List.of("--help", "-h", "help").contains(command)) {
            String topic = rest.isEmpty() ? null : HELP.get(rest.get(0));
            out.print(topic == null ? USAGE : "usage:\n" + topic.indent(2));
            return EXIT_OK;
        }
        if (command.equals("--version") || command.equals("-V")) {
            out.println("flowrules " + BuildInfo.version());
            return EXIT_OK;
        }
        if (!HELP.containsKey(command)) {
            return usage(err, "unknown command '" + command + "'", null);
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print("usage:\n" + HELP.get(command).indent(2));
            return EXIT_OK;
        }
        try {
            return switch (command) {
                case "eval" -> Eval.run(rest, in, out, err);
                case "try" -> TryCommand.run(rest, out);
                case "validate" -> Validate.validate(rest, out);
                case "test" -> Validate.test(rest, out);
                case "schema" -> schema(rest, out, err);
                case "serve" -> Serve.run(rest, out);
                default -> throw new IllegalStateException("command without a handler: " + command);
            };
        } catch (Args.UsageException e) {
            return usage(err, e.getMessage(), command);
        } catch (Args.InputException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException e) {
            // A bug of ours, never the author's mistake: one line to report, no stack trace to wade through.
            err.println("internal error (please report it): " + e);
            return EXIT_INTERNAL;
        }
    }

    /** Where the build puts the JSON Schema of rule files (docs/editor.md). */
    static final String SCHEMA_RESOURCE = "/dev/flowrules/schema/rules.schema.json";

    private static int schema(List<String> args, PrintStream out, PrintStream err) throws UncheckedIOException {
        if (!args.isEmpty()) {
            throw new Args.UsageException("schema takes no arguments");
        }
        try (InputStream in = Main.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                err.println("error: this build does not contain the schema (" + SCHEMA_RESOURCE + ")");
                return EXIT_USAGE;
            }
            out.write(in.readAllBytes());
            out.flush();
            return EXIT_OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event file, or every {@code *.json} in a directory except expected requests ({@code *.expected.json}), by name. */
    public static List<Path> eventFiles(Path event) throws IOException {
        return Eval.eventFiles(event);
    }

    static void printDiagnostics(List<Diagnostic> diagnostics, PrintStream stream) {
        diagnostics.forEach(d -> stream.println(d.format()));
    }

    private static int usage(PrintStream err, String problem, String command) {
        err.println("error: " + problem);
        err.print(command == null ? USAGE : "usage:\n" + HELP.get(command).indent(2));
        return EXIT_USAGE;
    }
}
