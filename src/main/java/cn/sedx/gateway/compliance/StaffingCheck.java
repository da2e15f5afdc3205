package cn.sedx.gateway.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a personnel filing is fully staffed: a principal, a director (安全总监 or 质量安全总监) and, for every
 * equipment category of the unit, an officer whose scope names it.
 */
final class StaffingCheck {

    /**
     * What a filing lacks.
     *
     * @param principalMissing          no 主要负责人
     * @param directorMissing           no 安全总监 / 质量安全总监
     * @param categoriesWithoutOfficer  the unit's categories no officer's scope names, in the filing's order
     */
    record Gaps(boolean principalMissing, boolean directorMissing, List<String> categoriesWithoutOfficer) {

        boolean none() {
            return !principalMissing && !directorMissing && categoriesWithoutOfficer.isEmpty();
        }
    }

    private StaffingCheck() {}

    static boolean complete(JsonNode filing) {
        return gaps(filing).none();
    }

    static Gaps gaps(JsonNode filing) {
        boolean principal = false;
        boolean director = false;
        Set<String> covered = new HashSet<>();
        for (JsonNode person : filing.path("persons")) {
            String role = person.path("role").asText("");
            if (role.equals("PRINCIPAL")) {
                principal = true;
            } else if (role.endsWith("_DIRECTOR")) {
                director = true;
            } else if (role.endsWith("_OFFICER")) {
                person.path("equipmentCategories").forEach(c -> covered.add(c.asText()));
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (JsonNode category : filing.path("unit").path("equipmentCategories")) {
            if (!covered.contains(category.asText())) {
                uncovered.add(category.asText());
            }
        }
        return new Gaps(!principal, !director, List.copyOf(uncovered));
    }
}
