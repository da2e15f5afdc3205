package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Issuer;
import cn.sedx.gateway.model.RectificationOrder;
import cn.sedx.gateway.shared.ErrorCode;

/** The rules of a 安全监察指令书 over a schema-valid order (docs/validation.md). */
final class RectificationOrderRules {

    private final RecordUnits units;
    private final IdentifierChecks identifiers;

    RectificationOrderRules(RecordUnits units, IdentifierChecks identifiers) {
        this.units = units;
        this.identifiers = identifiers;
    }

    /** @return the unit the order is about, with where it is */
    ResolvedUnit check(RectificationOrder order, Violations violations) {
        Issuer authority = order.issuingAuthority();
        identifiers.uscc(authority.uscc(), "/issuingAuthority/uscc", violations);
        identifiers.location(authority.regionCode(), "/issuingAuthority/regionCode", violations);
        ResolvedUnit unit = units.check(order.unitUscc(), order.unitKind(), order.regionCode(), violations);
        withinAuthority(unit, authority.regionCode(), violations);
        FailingRules.check(order.failings(), "/failings", violations);
        identifiers.notFuture(order.issuedOn(), "/issuedOn", "下达日期", "issued on", violations);
        if (order.deadline().isBefore(order.issuedOn())) {
            violations.error(ErrorCode.DEADLINE_BEFORE_ISSUE, "/deadline",
                    "整改期限 " + order.deadline() + "，下达 " + order.issuedOn(),
                    "deadline " + order.deadline() + ", issued " + order.issuedOn());
        }
        return unit;
    }

    /** A county regulator orders units of its county, a city's of its city, a province's of its province. */
    private static void withinAuthority(ResolvedUnit unit, String authorityRegion, Violations violations) {
        if (unit.regionCode() == null || RegionCodes.check(authorityRegion).isPresent()) {
            return;
        }
        String area = RegionCodes.areaPrefix(authorityRegion);
        if (!unit.regionCode().startsWith(area)) {
            violations.error(ErrorCode.UNIT_OUTSIDE_AUTHORITY_REGION, unit.regionPointer(),
                    "单位所在地 " + unit.regionCode() + "，监管部门辖区 " + area,
                    "the unit is in " + unit.regionCode() + ", the authority's area is " + area);
        }
    }
}
