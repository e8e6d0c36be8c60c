package dev.flowrules.cli;

import dev.flowrules.playground.Playground;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code flowrules serve DIR}: the playground, until the process is stopped. */
final class Serve {
    private Serve() {
    }

    static int run(List<String> arguments, PrintStream out) {
        Playground playground = start(arguments, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            playground.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            playground.close();
        }
        return Main.EXIT_OK;
    }

    /** Starts the playground and prints its address; the caller stops it. */
    static Playground start(List<String> arguments, PrintStream out) {
        Args args = Args.parse(arguments, Set.of("--port"), Set.of());
        if (args.positional().size() != 1) {
            throw new Args.UsageException("serve needs one directory of rule files");
        }
        Path dir = Args.existing(args.positional()).get(0);
        if (!Files.isDirectory(dir)) {
            throw new Args.InputException(dir + ": not a directory");
        }
        int port = port(args.one("--port"));
        Playground playground;
        try {
            playground = Playground.start(dir, port);
        } catch (IOException e) {
            throw new Args.InputException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Args.InputException(e.getMessage());
        }
        out.println("playground for " + dir + " (Ctrl+C stops it):");
        out.println("  " + playground.url());
        return playground;
    }

    private static int port(String given) {
        if (given == null) {
            return 0; // a free port, printed: never a clash with another service
        }
        try {
            int port = Integer.parseInt(given);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException("--port is a number from 0 to 65535, not '" + given + "'");
    }
}
