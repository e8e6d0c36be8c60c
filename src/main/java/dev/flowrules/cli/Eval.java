package dev.flowrules.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.flowrules.Engine;
import dev.flowrules.callback.RequestJson;
import dev.flowrules.dsl.Diagnostic;
import dev.flowrules.dsl.RuleLoadException;
import dev.flowrules.event.InvalidEventException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code flowrules eval}: events in, requests out. Standard output carries only JSON (one document, JSON Lines,
 * or one array), so it can be piped into {@code jq}; explanations and problems go to standard error.
 */
final class Eval {
    private static final JsonFactory JSON = new JsonFactory();
    static final String STDIN = "-";

    private Eval() {
    }

    /** One event to process: its name in messages and its bytes, read lazily. */
    private record Source(String name, Path path) {
    }

    static int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        Args args = Args.parse(arguments, Set.of("--rules", "--event"), Set.of("--explain", "--array"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        if (args.all("--rules").isEmpty() || args.all("--event").isEmpty()) {
            throw new Args.UsageException("eval needs --rules and --event");
        }
        List<Path> rules = Args.existing(args.all("--rules"));
        List<Source> sources = sources(args.all("--event"));
        Engine engine;
        try {
            engine = Engine.fromRules(rules);
        } catch (RuleLoadException e) {
            Main.printDiagnostics(e.diagnostics(), err);
            return Main.EXIT_RULES;
        }
        boolean explain = args.has("--explain");
        boolean array = args.has("--array");
        boolean several = sources.size() > 1;
        List<String> requests = new ArrayList<>();
        int status = Main.EXIT_OK;
        for (Source source : sources) {
            if (explain && several) {
                err.println("### " + source.name());
            }
            try {
                byte[] event = source.path() == null ? in.readAllBytes() : Files.readAllBytes(source.path());
                Engine.Processed processed = engine.process(event);
                String request = RequestJson.write(processed.request());
                if (array) {
                    requests.add(request);
                } else {
                    out.println(several ? compact(request) : request);
                }
                if (explain) {
                    err.print(processed.decision().explain());
                }
            } catch (InvalidEventException e) {
                err.println(eventError(source.name(), e));
                status = Main.EXIT_USAGE;
            } catch (IOException e) {
                err.println(source.name() + ": error: cannot read the event: " + e.getMessage());
                status = Main.EXIT_USAGE;
            }
        }
        if (array) {
            out.println(array(requests));
        }
        return status;
    }

    /**
     * {@code FILE:LINE:COLUMN: error: reason} and an indented hint line, the form rule diagnostics take, so that
     * editors and terminals link an event's problem like a rule file's; {@code FILE: error: reason} when the
     * problem has no position (an empty or over-large event).
     */
    static String eventError(String name, InvalidEventException e) {
        String where = e.line() > 0 ? name + ":" + e.line() + ":" + e.column() : name;
        String text = Diagnostic.escapeControlCharacters(where) + ": error: " + Diagnostic.escapeControlCharacters(e.reason());
        return e.hint() == null || e.hint().isEmpty() ? text
                : text + "\n  hint: " + Diagnostic.escapeControlCharacters(e.hint());
    }

    private static List<Source> sources(List<String> events) {
        List<Source> sources = new ArrayList<>();
        for (String event : events) {
            if (event.equals(STDIN)) {
                sources.add(new Source("<stdin>", null));
                continue;
            }
            try {
                for (Path file : eventFiles(Args.existing(List.of(event)).get(0))) {
                    sources.add(new Source(file.toString().replace('\\', '/'), file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (sources.stream().filter(s -> s.path() == null).count() > 1) {
            throw new Args.UsageException("standard input ('-') can be read only once");
        }
        return sources;
    }

    /** One event file, or every {@code *.json} in a directory except expected requests, by name. */
    static List<Path> eventFiles(Path event) throws IOException {
        if (!Files.isDirectory(event)) {
            return List.of(event);
        }
        try (Stream<Path> files = Files.list(event)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    /** The same JSON on one line, for JSON Lines. */
    static String compact(String json) {
        StringWriter text = new StringWriter();
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(text)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // our own output: always valid JSON
        }
        return text.toString();
    }

    private static String array(List<String> documents) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            for (String document : documents) {
                try (JsonParser parser = JSON.createParser(document)) {
                    parser.nextToken();
                    generator.copyCurrentStructure(parser);
                }
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
