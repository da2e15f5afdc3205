package cn.sedx.gateway.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs outside tools ({@code openssl}, {@code xmlsec1}, {@code promtool}) for interoperability tests. A missing tool FAILS the test
 * (CI installs both), unless {@code -Dsedx.tests.allow-missing-tools=true} is given, which turns it into
 * a skip that names the missing tool.
 */
public final class ExternalTools {

    public static final String ALLOW_MISSING = "sedx.tests.allow-missing-tools";

    public record Result(int exitCode, String output) {}

    private ExternalTools() {}

    /** Fails (or, when allowed, skips) the calling test if {@code tool} is not on the PATH. */
    public static void require(String tool) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (found) {
            return;
        }
        String reason = tool + " is not installed; CI installs it (.ci/run)";
        if (Boolean.getBoolean(ALLOW_MISSING)) {
            Assumptions.abort(reason + " and -D" + ALLOW_MISSING + "=true was given");
        }
        fail(reason + ". Install it, or pass -D" + ALLOW_MISSING + "=true to skip these tests locally.");
    }

    /** Runs a command in {@code dir}, stdout and stderr merged, for at most a minute. */
    public static Result run(Path dir, String... command) {
        require(command[0]);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return fail("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        }
    }
}
