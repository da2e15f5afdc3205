package cn.sedx.gateway.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A payload entry to put in an exchange package. Its content is opened once, read once from start
 * to end, and closed by the writer, so it may come from a file or a stream of any size.
 *
 * @param name the ZIP entry name: a plain file name (no path), not one of the reserved names
 * @param mediaType the media type recorded in the manifest
 * @param content opens the content; called exactly once per package written
 */
public record PackageEntry(String name, String mediaType, Content content) {

    /** Names the package itself uses. */
    public static final Set<String> RESERVED_NAMES = Set.of("manifest.xml", "manifest.sig", "signer.cer");

    // a plain file name: no folder, no drive, nothing a receiver could resolve outside its target folder
    private static final Pattern NAME = Pattern.compile("[^/\\\\:*?\"<>|\\p{Cntrl}]{1,200}");

    public PackageEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (!NAME.matcher(name).matches() || RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException("not a valid entry name: '" + name + "'");
        }
    }

    /** An entry read from a file. */
    public static PackageEntry of(String name, String mediaType, Path file) {
        return new PackageEntry(name, mediaType, () -> Files.newInputStream(file));
    }

    /** An entry held in memory (small payloads only). */
    public static PackageEntry of(String name, String mediaType, byte[] content) {
        byte[] copy = content.clone();
        return new PackageEntry(name, mediaType, () -> new ByteArrayInputStream(copy));
    }

    /** Opens an entry's content; the caller closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
