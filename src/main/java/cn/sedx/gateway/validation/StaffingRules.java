package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Person;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.Unit;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The staffing rules of Orders No. 73 and No. 74 over a schema-valid personnel filing. */
final class StaffingRules {

    private final ValidationSettings settings;

    StaffingRules(ValidationSettings settings) {
        this.settings = settings;
    }

    void check(PersonnelFiling filing, Violations violations) {
        Unit unit = filing.unit();
        List<Person> persons = filing.persons();
        rolesFitUnitKind(unit.unitKind(), persons, violations);
        exactlyOnePrincipal(persons, violations);
        directorPresent(unit.unitKind(), persons, violations);
        officerForEachCategory(unit, persons, violations);
        oneOfficerPerDevice(persons, violations);
        noProhibitedConcurrentRoles(unit.unitKind(), persons, violations);
        numbersFitUnitKind(unit, violations);
    }

    private static void rolesFitUnitKind(UnitKind kind, List<Person> persons, Violations violations) {
        for (int i = 0; i < persons.size(); i++) {
            Role role = persons.get(i).role();
            if (!role.fits(kind)) {
                violations.error(ErrorCode.ROLE_NOT_FOR_UNIT_KIND, "/persons/" + i + "/role",
                        role + " 不适用于 " + kind + " 单位", role + " is not a role of a " + kind + " unit");
            }
        }
    }

    private static void exactlyOnePrincipal(List<Person> persons, Violations violations) {
        int seen = 0;
        for (int i = 0; i < persons.size(); i++) {
            if (persons.get(i).role() == Role.PRINCIPAL && ++seen > 1) {
                violations.error(ErrorCode.PRINCIPAL_COUNT, "/persons/" + i + "/role",
                        "第 " + seen + " 名主要负责人", "principal number " + seen);
            }
        }
        if (seen == 0) {
            violations.error(ErrorCode.PRINCIPAL_COUNT, "/persons", "未填报主要负责人", "no principal filed");
        }
    }

    private static void directorPresent(UnitKind kind, List<Person> persons, Violations violations) {
        if (persons.stream().noneMatch(p -> p.role().level() == Role.Level.DIRECTOR)) {
            String role = kind == UnitKind.PRODUCTION ? "QUALITY_SAFETY_DIRECTOR" : "SAFETY_DIRECTOR";
            violations.error(ErrorCode.DIRECTOR_MISSING, "/persons", "未填报 " + role, "no " + role + " filed");
        }
    }

    private static void officerForEachCategory(Unit unit, List<Person> persons, Violations violations) {
        List<String> categories = unit.equipmentCategories();
        for (int k = 0; k < categories.size(); k++) {
            String category = categories.get(k);
            boolean covered = persons.stream().anyMatch(p -> p.role().level() == Role.Level.OFFICER
                    && p.equipmentCategories() != null && p.equipmentCategories().contains(category));
            if (!covered) {
                violations.error(ErrorCode.OFFICER_MISSING_FOR_CATEGORY, "/unit/equipmentCategories/" + k,
                        "设备类别 " + category + " 无负责的安全员", "no officer covers category " + category);
            }
        }
    }

    private static void oneOfficerPerDevice(List<Person> persons, Violations violations) {
        Map<String, Integer> owners = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            List<String> devices = person.responsibleDeviceCodes() == null
                    ? List.of()
                    : person.responsibleDeviceCodes();
            for (int k = 0; k < devices.size(); k++) {
                String pointer = "/persons/" + i + "/responsibleDeviceCodes/" + k;
                if (person.role().level() != Role.Level.OFFICER) {
                    violations.error(ErrorCode.DEVICE_HOLDER_NOT_OFFICER, pointer,
                            person.role() + " 不能负责设备 " + devices.get(k),
                            person.role() + " cannot be responsible for device " + devices.get(k));
                    continue;
                }
                Integer first = owners.putIfAbsent(devices.get(k), i);
                if (first != null) {
                    violations.error(ErrorCode.DEVICE_OFFICER_NOT_UNIQUE, pointer,
                            "设备 " + devices.get(k) + " 已由第 " + (first + 1) + " 名人员负责",
                            "device " + devices.get(k) + " is already held by person " + first);
                }
            }
        }
    }

    private void noProhibitedConcurrentRoles(UnitKind kind, List<Person> persons, Violations violations) {
        List<ValidationSettings.RolePair> prohibited = settings.prohibitedFor(kind);
        for (int j = 1; j < persons.size(); j++) {
            Person later = persons.get(j);
            for (int i = 0; i < j; i++) {
                Person earlier = persons.get(i);
                if (earlier.documentType() == later.documentType() && earlier.idNumber().equals(later.idNumber())
                        && prohibited.stream().anyMatch(pair -> pair.matches(earlier.role(), later.role()))) {
                    violations.error(ErrorCode.CONCURRENT_ROLES_PROHIBITED, "/persons/" + j + "/role",
                            "与第 " + (i + 1) + " 名人员为同一人，不得兼任 " + earlier.role() + " 与 " + later.role(),
                            "same person as person " + i + ", who may not hold both " + earlier.role()
                                    + " and " + later.role());
                }
            }
        }
    }

    /** Licences belong to production and filling units, use registrations to use and filling units. */
    private static void numbersFitUnitKind(Unit unit, Violations violations) {
        UnitKind kind = unit.unitKind();
        if (kind == UnitKind.USE && notEmpty(unit.licenceNumbers())) {
            violations.error(ErrorCode.FIELD_NOT_FOR_UNIT_KIND, "/unit/licenceNumbers",
                    "使用单位不填许可证编号", "a use unit files no licence numbers");
        }
        if (kind == UnitKind.PRODUCTION && notEmpty(unit.useRegistrationNumbers())) {
            violations.error(ErrorCode.FIELD_NOT_FOR_UNIT_KIND, "/unit/useRegistrationNumbers",
                    "生产单位不填使用登记证编号", "a production unit files no use-registration numbers");
        }
    }

    private static boolean notEmpty(List<String> list) {
        return list != null && !list.isEmpty();
    }
}
