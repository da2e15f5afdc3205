package cn.sedx.gateway.compliance;

import cn.sedx.gateway.model.OperatingStatus;
import cn.sedx.gateway.model.RecordKind;
import cn.sedx.gateway.validation.Periods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.BitSet;

/**
 * What one unit has on file for one equipment category inside a {@link ComplianceWindow}: the days, weeks and
 * months its records cover, and the operating status each record reported from its period's first day. An elevator
 * daily record covers the unit's elevators, not its boilers. Fed in the order the gateway received the records, so a
 * later record for the same day overrides an earlier one. Not thread-safe.
 */
final class CategoryLedger {

    private static final byte NONE = 0;
    private static final byte IN_SERVICE = 1;
    private static final byte EXEMPT = 2;

    private final ComplianceWindow window;
    private final BitSet days = new BitSet();
    private final BitSet weeks = new BitSet();
    private final BitSet months = new BitSet();
    private final byte[] statusFrom;
    private LocalDate latestBefore;
    private boolean exemptBefore;
    private boolean[] exempt;

    CategoryLedger(ComplianceWindow window) {
        this.window = window;
        this.statusFrom = new byte[window.days()];
    }

    /** A record of this category: what period it covers and the status it reports from the period's first day. */
    void record(RecordKind kind, Periods.Span span, OperatingStatus status) {
        switch (kind) {
            case DAILY_CHECK -> set(days, window.dayIndex(span.first()));
            case WEEKLY_INVESTIGATION -> set(weeks, window.weekIndex(span.first()));
            case MONTHLY_DISPATCH -> set(months, window.monthIndex(YearMonth.from(span.first())));
            case RISK_CONTROL_LIST -> { }
        }
        status(span.first(), status);
    }

    /** A status that takes effect on {@code day} (停产 reported under any category applies to all of them). */
    void status(LocalDate day, OperatingStatus status) {
        exempt = null;
        int index = window.dayIndex(day);
        if (index >= 0) {
            statusFrom[index] = status.exempts() ? EXEMPT : IN_SERVICE;
        } else if (day.isBefore(window.first()) && (latestBefore == null || !day.isBefore(latestBefore))) {
            latestBefore = day;
            exemptBefore = status.exempts();
        }
    }

    /** Whether the mechanism may pause on this day of the window: the latest status in effect exempts (停产, 停用). */
    boolean exemptOn(LocalDate day) {
        int index = window.dayIndex(day);
        return index >= 0 && exemptDays()[index];
    }

    /** The day the exemption in effect on {@code day} took effect, or null when none is. */
    LocalDate exemptSince(LocalDate day) {
        if (!exemptOn(day)) {
            return null;
        }
        int start = window.dayIndex(day);
        while (start > 0 && exemptDays()[start - 1]) {
            start--;
        }
        return start == 0 && statusFrom[0] != EXEMPT ? latestBefore : window.first().plusDays(start);
    }

    boolean hasDay(LocalDate day) {
        int index = window.dayIndex(day);
        return index >= 0 && days.get(index);
    }

    boolean hasWeek(LocalDate monday) {
        int index = window.weekIndex(monday);
        return index >= 0 && weeks.get(index);
    }

    boolean hasMonth(YearMonth month) {
        int index = window.monthIndex(month);
        return index >= 0 && months.get(index);
    }

    private boolean[] exemptDays() {
        if (exempt == null) {
            exempt = new boolean[statusFrom.length];
            boolean state = exemptBefore;
            for (int i = 0; i < statusFrom.length; i++) {
                if (statusFrom[i] != NONE) {
                    state = statusFrom[i] == EXEMPT;
                }
                exempt[i] = state;
            }
        }
        return exempt;
    }

    private static void set(BitSet bits, int index) {
        if (index >= 0) {
            bits.set(index);
        }
    }
}
