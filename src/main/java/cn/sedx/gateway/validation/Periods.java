package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.RecordKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a safety record covers: a day ({@code 2026-11-27}), an ISO week ({@code 2026-W48}) or a month
 * ({@code 2026-11}). Plain Java; the compliance view and later record types read periods the same way.
 */
public final class Periods {

    /** The shapes a period can take. */
    public enum Shape { DAY, WEEK, MONTH }

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern WEEK = Pattern.compile("([0-9]{4})-W([0-9]{2})");
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");

    private Periods() {}

    /** The shape of the text, or empty when it has none of the three. */
    public static Optional<Shape> shapeOf(String period) {
        if (DAY.matcher(period).matches()) {
            return Optional.of(Shape.DAY);
        }
        if (WEEK.matcher(period).matches()) {
            return Optional.of(Shape.WEEK);
        }
        return MONTH.matcher(period).matches() ? Optional.of(Shape.MONTH) : Optional.empty();
    }

    /** Whether a record of this kind may cover a period of this shape; a risk-control list takes any. */
    public static boolean fits(RecordKind kind, Shape shape) {
        return switch (kind) {
            case DAILY_CHECK -> shape == Shape.DAY;
            case WEEKLY_INVESTIGATION -> shape == Shape.WEEK;
            case MONTHLY_DISPATCH -> shape == Shape.MONTH;
            case RISK_CONTROL_LIST -> true;
        };
    }

    /** The first day of a period of the given shape, or empty when it is not a real day, week or month. */
    public static Optional<LocalDate> firstDay(String period, Shape shape) {
        return switch (shape) {
            case DAY -> Dates.parse(period);
            case WEEK -> firstDayOfWeek(period);
            case MONTH -> firstDayOfMonth(period);
        };
    }

    /** The last day of a period of the given shape, or empty when it is not a real day, week or month. */
    public static Optional<LocalDate> lastDay(String period, Shape shape) {
        return firstDay(period, shape).map(first -> switch (shape) {
            case DAY -> first;
            case WEEK -> first.plusDays(6);
            case MONTH -> first.plusMonths(1).minusDays(1);
        });
    }

    /** The days a period covers, first to last inclusive. */
    public record Span(Shape shape, LocalDate first, LocalDate last) {}

    /** The days a period of any shape covers, or empty when the text is no real day, week or month. */
    public static Optional<Span> span(String period) {
        if (period == null) {
            return Optional.empty();
        }
        return shapeOf(period).flatMap(shape -> firstDay(period, shape)
                .map(first -> new Span(shape, first, lastDay(period, shape).orElseThrow())));
    }

    /**
     * How many whole days past its allowance a record of {@code kind} for the period ending {@code lastDay} is when
     * filed on {@code filedOn}: positive means late. A risk-control list, which is standing, is never late.
     */
    public static long daysLate(RecordKind kind, LocalDate lastDay, LocalDate filedOn,
            ValidationSettings.LateFiling allowed) {
        Duration allowance = switch (kind) {
            case DAILY_CHECK -> allowed.daily();
            case WEEKLY_INVESTIGATION -> allowed.weekly();
            case MONTHLY_DISPATCH -> allowed.monthly();
            case RISK_CONTROL_LIST -> null;
        };
        return allowance == null ? 0 : ChronoUnit.DAYS.between(lastDay, filedOn) - allowance.toDays();
    }

    private static Optional<LocalDate> firstDayOfWeek(String period) {
        Matcher matcher = WEEK.matcher(period);
        matcher.matches();
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4);
        // 28 December always lies in the last ISO week of its year: 52 or 53
        long weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (week < 1 || week > weeks) {
            return Optional.empty();
        }
        return Optional.of(fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
    }

    private static Optional<LocalDate> firstDayOfMonth(String period) {
        Matcher matcher = MONTH.matcher(period);
        matcher.matches();
        int month = Integer.parseInt(matcher.group(2));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), month).atDay(1));
    }
}
