package cn.sedx.gateway.compliance;

import java.util.EnumSet;
import java.util.Set;

/** What one unit has on file, built up while the store is read. Not thread-safe. */
final class UnitStanding {

    /** What a unit can be missing. */
    enum Gap { STAFFING, DAILY_CHECK, WEEKLY_INVESTIGATION, MONTHLY_DISPATCH }

    private final String uscc;
    private final String regionCode;
    private boolean staffingComplete;
    private final Set<Gap> present = EnumSet.noneOf(Gap.class);

    UnitStanding(String uscc, String regionCode) {
        this.uscc = uscc;
        this.regionCode = regionCode;
    }

    String uscc() {
        return uscc;
    }

    String regionCode() {
        return regionCode;
    }

    /** The newest filing decides: a later filing that lost a role makes staffing incomplete again. */
    void staffing(boolean complete) {
        staffingComplete = complete;
    }

    void recorded(Gap kind) {
        present.add(kind);
    }

    boolean has(Gap kind) {
        return kind == Gap.STAFFING ? staffingComplete : present.contains(kind);
    }

    Set<Gap> gaps() {
        Set<Gap> gaps = EnumSet.allOf(Gap.class);
        gaps.removeIf(this::has);
        return gaps;
    }
}
