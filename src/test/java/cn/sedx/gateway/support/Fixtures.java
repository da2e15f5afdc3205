package cn.sedx.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one loader of test fixtures from {@code src/test/resources/fixtures} (classpath {@code /fixtures/}): as bytes,
 * as text, or as a fresh JSON tree each call (so a test may change what it gets).
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** The bytes of {@code fixtures/<path>}, e.g. {@code personnel-filing/valid-use-unit.json}. */
    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code fixtures/<path>} as UTF-8 text. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** {@code fixtures/<path>} read as a JSON tree. */
    public static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + path + " is not JSON", e);
        }
    }

    /** {@code fixtures/<path>}, a JSON object, as a tree to change. */
    public static ObjectNode object(String path) {
        return (ObjectNode) json(path);
    }
}
