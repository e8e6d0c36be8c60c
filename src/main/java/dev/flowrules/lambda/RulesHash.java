package dev.flowrules.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short fingerprint of the deployed rules: SHA-256 over every file under the rules location (rule files and
 * list files), in path order, each with its path relative to the location. Two containers that log the same
 * hash run the same rules.
 */
final class RulesHash {
    private RulesHash() {
    }

    static String of(Path rules) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.isDirectory(rules) ? Files.walk(rules) : Stream.of(rules)) {
            files = walk.filter(Files::isRegularFile).sorted((a, b) -> relative(rules, a).compareTo(relative(rules, b)))
                    .toList();
        }
        try {
            for (Path file : files) {
                digest.update(relative(rules, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static String relative(Path root, Path file) {
        String name = root.equals(file) ? file.getFileName().toString() : root.relativize(file).toString();
        return name.replace(file.getFileSystem().getSeparator(), "/");
    }
}
