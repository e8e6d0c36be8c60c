package dev.flowrules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: options that take a value (may repeat), flags, and the rest as positional arguments.
 * Anything else starting with {@code --} is a usage error, so a typo is never taken for a path.
 */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                parsed.values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
            } else if (flagOptions.contains(arg)) {
                parsed.flags.add(arg);
            } else if (arg.startsWith("--") || (arg.startsWith("-") && !arg.equals("-"))) {
                throw new UsageException("unknown option '" + arg + "'");
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    /** The option's value, or null; given twice it is a usage error. */
    String one(String option) {
        List<String> given = all(option);
        if (given.size() > 1) {
            throw new UsageException(option + " may be given only once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    List<String> positional() {
        return positional;
    }

    /** Paths that must exist; a missing one is {@link Main#EXIT_USAGE}, documented in docs/cli.md. */
    static List<Path> existing(List<String> paths) {
        List<Path> found = new ArrayList<>();
        for (String path : paths) {
            Path p;
            try {
                p = Path.of(path);
            } catch (java.nio.file.InvalidPathException e) {
                throw new InputException(path + ": not a valid path");
            }
            if (!Files.exists(p)) {
                throw new InputException(path + ": no such file or directory");
            }
            found.add(p);
        }
        return found;
    }

    /** An input that cannot be read: printed alone (no usage), exit code 2. */
    static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    /** A mistake in how the command was called: printed with the command's usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
