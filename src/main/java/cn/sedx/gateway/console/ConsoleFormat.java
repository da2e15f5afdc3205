package cn.sedx.gateway.console;

import cn.sedx.gateway.shared.PersonalDataMask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Formatting for the templates ({@code ${@consoleFormat.time(x)}}): every time in the console's zone
 * (Asia/Shanghai by default), ages and durations compactly, free text masked.
 */
@Component("consoleFormat")
@ConsoleEnabled
class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConsoleSettings settings;
    private final Clock clock;

    ConsoleFormat(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code 2026-12-01 17:05:09} in the console's zone; empty for null. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(settings.zone()));
    }

    /** The value for a {@code datetime-local} input, in the console's zone. */
    public String local(Instant instant) {
        return instant == null ? "" : instant.atZone(settings.zone()).toLocalDateTime().withNano(0).toString();
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** How long ago, compactly: {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 2d 4h}; empty for null. */
    public String age(Instant instant) {
        return instant == null ? "" : duration(Duration.between(instant, clock.instant()));
    }

    /** A configured length of time, compactly ({@code 2s}, {@code 24h}). */
    public String length(Duration duration) {
        return duration == null ? "" : duration(duration);
    }

    public String millis(long ms) {
        return ms < 1000 ? ms + " ms" : duration(Duration.ofMillis(ms));
    }

    /** Free text with ID numbers and mobiles masked. */
    public String masked(String text) {
        return PersonalDataMask.text(text);
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd %dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
