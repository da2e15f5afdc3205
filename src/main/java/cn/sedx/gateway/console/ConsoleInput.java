package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the console's forms and links send, made safe to use: blanks are no filter, identifiers must look like
 * identifiers (nothing odd travels into a query or back into a page), times are local to the console's zone.
 */
final class ConsoleInput {

    /** A message, replay or run id (a UUID, or the start of one). */
    static final Pattern ID = Pattern.compile("[0-9a-zA-Z-]{1,36}");
    /** A USCC, a system or destination name, an actor. */
    static final Pattern TEXT = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private ConsoleInput() {}

    /** The stripped text, or null when it is missing or blank. */
    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * @return {@code value}, which may be null
     * @throws SedxException SCHEMA_VIOLATION naming the parameter when the value does not match
     */
    static String checked(String name, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw SedxException.refused(ErrorCode.SCHEMA_VIOLATION, "bad " + name, List.of(Violation.of(
                    ErrorCode.SCHEMA_VIOLATION, name, "参数 " + name + " 格式不正确", "parameter " + name
                            + " is malformed")));
        }
        return value;
    }

    /** A {@code datetime-local} value read in {@code zone}, or null. */
    static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
