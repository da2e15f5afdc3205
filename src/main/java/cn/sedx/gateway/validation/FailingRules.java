package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Failing;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;

/** The failings a rectification order or an agency report names: each carries what its code needs. */
final class FailingRules {

    private FailingRules() {}

    static void check(List<Failing> failings, String base, Violations violations) {
        for (int i = 0; i < failings.size(); i++) {
            Failing failing = failings.get(i);
            String at = base + "/" + i;
            if (failing.code() == Failing.Code.NO_OFFICER_FOR_CATEGORY && failing.equipmentCategory() == null) {
                violations.error(ErrorCode.FAILING_CATEGORY_REQUIRED, at + "/equipmentCategory",
                        "未填 equipmentCategory", "no equipmentCategory");
            }
            if (failing.code() == Failing.Code.OTHER && isBlank(failing.description())) {
                violations.error(ErrorCode.FAILING_DESCRIPTION_REQUIRED, at + "/description",
                        "未填 description", "no description");
            }
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
