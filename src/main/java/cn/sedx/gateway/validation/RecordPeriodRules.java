package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The period of a record: its shape fits the record kind, it is a real period, it has begun, it does not end before
 * the Orders took effect, and a record filed long after its period carries a LATE_FILING warning.
 */
final class RecordPeriodRules {

    private final IdentifierChecks identifiers;
    private final ValidationSettings settings;

    RecordPeriodRules(IdentifierChecks identifiers, ValidationSettings settings) {
        this.identifiers = identifiers;
        this.settings = settings;
    }

    void check(RecordKind kind, String period, Violations violations) {
        Optional<Periods.Shape> shape = Periods.shapeOf(period);
        if (shape.isEmpty() || !Periods.fits(kind, shape.get())) {
            violations.error(ErrorCode.RECORD_PERIOD_MISMATCH, "/period",
                    kind + " 的期间应为 " + expected(kind) + "：" + period,
                    kind + " expects a period of the form " + expected(kind) + ": " + period);
            return;
        }
        Optional<Periods.Span> span = Periods.span(period);
        if (span.isEmpty()) {
            violations.error(ErrorCode.DATE_INVALID, "/period", "不存在的期间 " + period, "no such period " + period);
            return;
        }
        identifiers.notFuture(span.get().first(), "/period", "期间开始于", "the period starting", violations);
        LocalDate effective = settings.ordersEffectiveDate();
        if (span.get().last().isBefore(effective)) {
            violations.error(ErrorCode.PERIOD_BEFORE_ORDERS, "/period",
                    "期间 " + period + " 在 " + effective + " 之前结束，两个规定尚未施行",
                    "the period " + period + " ends before " + effective + ", when the Orders took effect");
            return;
        }
        LocalDate today = Dates.today(identifiers.clock());
        long late = Periods.daysLate(kind, span.get().last(), today, settings.lateFiling());
        if (late > 0) {
            violations.warning(ErrorCode.LATE_FILING, "/period",
                    "期间 " + period + " 于 " + span.get().last() + " 结束，今日 " + today + " 报送，逾期 " + late + " 天",
                    "the period " + period + " ended " + span.get().last() + "; filed " + today + ", " + late
                            + " day(s) late");
        }
    }

    private static String expected(RecordKind kind) {
        return switch (kind) {
            case DAILY_CHECK -> "yyyy-MM-dd";
            case WEEKLY_INVESTIGATION -> "yyyy-Www";
            case MONTHLY_DISPATCH -> "yyyy-MM";
            case RISK_CONTROL_LIST -> "yyyy-MM-dd | yyyy-Www | yyyy-MM";
        };
    }
}
