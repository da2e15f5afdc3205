package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** The canonical fixtures of the transformer tests (under {@code fixtures/transform/}) and an envelope for them. */
final class TransformFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private TransformFixtures() {}

    static JsonNode canonical(String name) {
        return Fixtures.json("transform/" + name);
    }

    static Envelope envelope(MessageType type) {
        return new Envelope("0f0e0d0c-0000-4000-8000-000000000001", type, Instant.parse("2026-11-28T08:00:00Z"),
                "91440300MA5G7Q2K3P", "440305");
    }
}
