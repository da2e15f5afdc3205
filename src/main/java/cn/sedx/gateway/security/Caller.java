package cn.sedx.gateway.security;

import java.util.Objects;

/**
 * Who is calling: a submitting system, an operator or an auditor.
 *
 * @param id the system id or the operator's user name
 */
public record Caller(String id, Kind kind) {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kinds of caller, each a Spring Security role of the same name. */
    public enum Kind {
        SYSTEM,
        OPERATOR,
        AUDITOR
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }
}
