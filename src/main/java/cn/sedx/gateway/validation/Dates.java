package cn.sedx.gateway.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Calendar dates as the filings write them ({@code yyyy-MM-dd}), and "today" as Chinese regulators count it. */
public final class Dates {

    /** Filings are dated in Beijing time, whatever the zone of the server or of the clock. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** Today's date in Beijing at the clock's instant. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** The date written {@code yyyy-MM-dd}, or empty when the text is null, malformed or not a real date. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the date lies after today (Beijing time); null is not in the future. */
    public static boolean isFuture(LocalDate date, Clock clock) {
        return date != null && date.isAfter(today(clock));
    }
}
