package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.RecordKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period a safety record covers: a day ({@code 2026-11-27}), an ISO week ({@code 2026-W48}) or a month. */
final class Periods {

    /** The shapes a period can take. */
    enum Shape { DAY, WEEK, MONTH }

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern WEEK = Pattern.compile("([0-9]{4})-W([0-9]{2})");
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");

    private Periods() {}

    /** The shape of the text, or empty when it has none of the three. */
    static Optional<Shape> shapeOf(String period) {
        if (DAY.matcher(period).matches()) {
            return Optional.of(Shape.DAY);
        }
        if (WEEK.matcher(period).matches()) {
            return Optional.of(Shape.WEEK);
        }
        return MONTH.matcher(period).matches() ? Optional.of(Shape.MONTH) : Optional.empty();
    }

    /** Whether a record of this kind may cover a period of this shape; a risk-control list takes any. */
    static boolean fits(RecordKind kind, Shape shape) {
        return switch (kind) {
            case DAILY_CHECK -> shape == Shape.DAY;
            case WEEKLY_INVESTIGATION -> shape == Shape.WEEK;
            case MONTHLY_DISPATCH -> shape == Shape.MONTH;
            case RISK_CONTROL_LIST -> true;
        };
    }

    /** The first day of a period of the given shape, or empty when it is not a real day, week or month. */
    static Optional<LocalDate> firstDay(String period, Shape shape) {
        return switch (shape) {
            case DAY -> Dates.parse(period);
            case WEEK -> firstDayOfWeek(period);
            case MONTH -> firstDayOfMonth(period);
        };
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
