package cn.sedx.gateway.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a personnel filing is fully staffed: a principal, a director (安全总监 or 质量安全总监) and, for every
 * equipment category of the unit, an officer whose scope names it.
 */
final class StaffingCheck {

    private StaffingCheck() {}

    static boolean complete(JsonNode filing) {
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
        boolean officers = true;
        for (JsonNode category : filing.path("unit").path("equipmentCategories")) {
            officers &= covered.contains(category.asText());
        }
        return principal && director && officers;
    }
}
