package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 紧急程度: a document's urgency, written in JSON by its Chinese name; a document that is not urgent has none. */
public enum Urgency {
    /** 特急. */
    EXTRA_URGENT("特急"),
    /** 加急. */
    URGENT("加急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    /** The Chinese name, as written in JSON. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The urgency with this Chinese name; throws IllegalArgumentException for any other text. */
    @JsonCreator
    public static Urgency of(String label) {
        for (Urgency u : values()) {
            if (u.label.equals(label)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown urgency");
    }
}
