package cn.sedx.gateway.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson settings under which the model records round-trip their schema's JSON exactly. */
public final class CanonicalJson {

    private CanonicalJson() {}

    /**
     * A new mapper for the canonical model: ISO dates ({@code 2026-11-27}), unknown properties refused.
     * Thread-safe once built; callers may keep it.
     */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
