package dev.flowrules.playground;

import dev.flowrules.event.EventParser;
import dev.flowrules.event.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready Amazon Lex bot answers for the message form: the {@code lex-*.json} events of rules-examples/events,
 * which the build copies into this package's {@code samples/} (pom.xml); a test keeps the list in step.
 */
final class Samples {
    static final List<String> NAMES = List.of("lex-account-echo", "lex-card", "lex-error", "lex-fallback", "lex-not-json");

    record Sample(String name, Message message) {
    }

    private Samples() {
    }

    static List<Sample> all() {
        List<Sample> samples = new ArrayList<>();
        for (String name : NAMES) {
            try (InputStream in = Samples.class.getResourceAsStream("samples/" + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("sample " + name + " is missing from the build");
                }
                samples.add(new Sample(name, EventParser.parse(in.readAllBytes()).message()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return samples;
    }
}
