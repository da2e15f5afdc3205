package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The canonical fixtures of the transformer tests and an envelope for them. */
final class TransformFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TransformFixtures() {}

    static JsonNode canonical(String name) {
        try (InputStream in = TransformFixtures.class.getResourceAsStream("/fixtures/transform/" + name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Envelope envelope(MessageType type) {
        return new Envelope("0f0e0d0c-0000-4000-8000-000000000001", type, Instant.parse("2026-11-28T08:00:00Z"),
                "91440300MA5G7Q2K3P", "440305");
    }
}
