package dev.flowrules.lambda;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the handler's rules are: {@code classpath:DIR} (inside the deployed jar or an exploded classes
 * directory) or a file system path. Rules are read through {@link Path}s either way, so the loader and its
 * diagnostics are the same as in the CLI and the Maven goal.
 */
final class RulesLocation {
    static final String DEFAULT = "classpath:rules";

    private RulesLocation() {
    }

    static Path resolve(String location, ClassLoader loader) throws IOException {
        String spec = location == null || location.isBlank() ? DEFAULT : location.trim();
        if (!spec.startsWith("classpath:")) {
            Path path = Path.of(spec);
            if (!Files.exists(path)) {
                throw new IOException("FLOWRULES_RULES points at " + spec + ", which does not exist");
            }
            return path;
        }
        String resource = spec.substring("classpath:".length());
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IOException("no '" + resource + "' on the classpath: package the rules in the jar under "
                    + resource + "/ or set FLOWRULES_RULES to a path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem zip;
                try {
                    zip = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    zip = FileSystems.getFileSystem(uri);
                }
                return zip.provider().getPath(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the rules at " + url, e);
        }
    }
}
