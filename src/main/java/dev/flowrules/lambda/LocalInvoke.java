package dev.flowrules.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the handler outside Lambda, configured by the same environment variables, on event files:
 * {@code java -cp flowrules.jar dev.flowrules.lambda.LocalInvoke event.json...}. Used to try a deployment
 * locally (with AWS_ENDPOINT_URL pointing at a stand-in) and to measure the cold start of a fresh JVM.
 */
public final class LocalInvoke {
    private LocalInvoke() {
    }

    /**
     * Invokes the handler once per event file, as Lambda would, with no Lambda context.
     *
     * @param args event files
     * @throws IOException when an event file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: LocalInvoke EVENT.json...");
            System.exit(2);
        }
        ChannelFlowHandler handler = new ChannelFlowHandler();
        for (String file : args) {
            handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(file))), new ByteArrayOutputStream(), null);
        }
    }
}
