package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 密级: a document's classification, written in JSON by its Chinese name. The three classified levels
 * never travel through this gateway, which runs on a non-classified network.
 */
public enum Classification {
    /** 公开. */
    PUBLIC("公开", false),
    /** 内部 (internal, not a state-secret level). */
    INTERNAL("内部", false),
    /** 秘密, the lowest state-secret level. */
    CONFIDENTIAL("秘密", true),
    /** 机密. */
    SECRET("机密", true),
    /** 绝密, the highest level. */
    TOP_SECRET("绝密", true);

    private final String label;
    private final boolean classified;

    Classification(String label, boolean classified) {
        this.label = label;
        this.classified = classified;
    }

    /** The Chinese name, as written in JSON. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Whether this is a state-secret level (秘密, 机密, 绝密). */
    public boolean isClassified() {
        return classified;
    }

    /** The classification with this Chinese name; throws IllegalArgumentException for any other text. */
    @JsonCreator
    public static Classification of(String label) {
        for (Classification c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification");
    }
}
