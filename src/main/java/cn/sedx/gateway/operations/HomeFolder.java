package cn.sedx.gateway.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The gateway's home folder ({@code sedx.home}, default the working directory): every relative file the
 * configuration names (keys and certificates, routes, data) lies below it, wherever the process was started.
 * Outside the production profile a missing {@code certs-sample/…} file falls back to the SAMPLE copy packaged in
 * the jar, so the jar runs from any folder; in production nothing falls back. Plain Java, immutable.
 */
final class HomeFolder {

    /** Folder of the sample PKI, relative to the home and inside the jar. */
    static final String SAMPLES = "certs-sample/";

    private final Path home;
    private final boolean samplesAllowed;

    HomeFolder(Path home, boolean samplesAllowed) {
        this.home = home.toAbsolutePath().normalize();
        this.samplesAllowed = samplesAllowed;
    }

    /** The home of this environment: {@code sedx.home} made absolute; packaged samples allowed unless production. */
    public static HomeFolder of(Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("production");
        return new HomeFolder(Path.of(environment.getProperty("sedx.home", ".")), !production);
    }

    public Path home() {
        return home;
    }

    /** {@code path} resolved against the home when relative. */
    public Path path(String path) {
        return home.resolve(path).normalize();
    }

    /**
     * The resource a Spring location names, for {@code file:} locations only: a relative path below the home, or
     * the packaged sample when a {@code certs-sample/} file is not there and samples are allowed. Null for any other
     * location (classpath:, absolute file:, URLs), which Spring resolves as usual.
     */
    public Resource resource(String location) {
        if (!location.startsWith("file:")) {
            return null;
        }
        String path = location.substring("file:".length());
        if (Path.of(path).isAbsolute()) {
            return null;
        }
        Path file = path(path);
        if (!Files.exists(file) && samplesAllowed && isSample(path)) {
            return new ClassPathResource(Path.of(path).normalize().toString().replace('\\', '/'));
        }
        return new FileSystemResource(file);
    }

    /** Whether a relative path names a file of the sample PKI. */
    static boolean isSample(String relative) {
        String normal = Path.of(relative).normalize().toString().replace('\\', '/');
        return normal.startsWith(SAMPLES) && !normal.contains("..");
    }

    /** Where a location points, for messages: the absolute file, or the location itself. */
    public String describe(String location) {
        if (location.startsWith("file:") && Path.of(location.substring("file:".length())).isAbsolute()) {
            return location.substring("file:".length());
        }
        Resource resource = resource(location);
        if (resource instanceof FileSystemResource file) {
            return file.getFile().getAbsolutePath();
        }
        if (resource instanceof ClassPathResource sample) {
            return "classpath:" + sample.getPath() + " (packaged SAMPLE)";
        }
        return location;
    }
}
