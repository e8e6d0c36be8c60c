package dev.flowrules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged handler in a fresh JVM ({@link LocalInvoke}), configured only by its environment, as Lambda
 * starts it. The environment starts empty of AWS settings (no key variables, no profile files, no instance
 * metadata), so a test states every variable the handler may see.
 */
final class HandlerProcess {
    final Map<String, String> env = new HashMap<>();

    HandlerProcess(Path scratch) {
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-credentials").toString());
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-config").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    HandlerProcess set(String name, String value) {
        env.put(name, value);
        return this;
    }

    record Run(int exitCode, String output) {
    }

    Run run(String... eventFiles) throws IOException, InterruptedException {
        String[] command = new String[eventFiles.length + 4];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = LocalInvoke.class.getName();
        System.arraycopy(eventFiles, 0, command, 4, eventFiles.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("FLOWRULES_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the handler process ends").isTrue();
        return new Run(process.exitValue(), output);
    }
}
