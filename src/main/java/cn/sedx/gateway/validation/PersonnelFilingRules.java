package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Person;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.Unit;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;

/** Identifier and device-code checks over a schema-valid personnel filing, then its staffing rules. */
final class PersonnelFilingRules {

    private final ValidationSettings settings;
    private final IdentifierChecks identifiers;
    private final StaffingRules staffing;

    PersonnelFilingRules(ValidationSettings settings, IdentifierChecks identifiers) {
        this.settings = settings;
        this.identifiers = identifiers;
        this.staffing = new StaffingRules(settings);
    }

    void check(PersonnelFiling filing, Violations violations) {
        Unit unit = filing.unit();
        identifiers.uscc(unit.uscc(), "/unit/uscc", violations);
        identifiers.regionCode(unit.regionCode(), "/unit/regionCode", violations);
        List<Person> persons = filing.persons();
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            String at = "/persons/" + i;
            identifiers.idNumber(person.idNumber(), at + "/idNumber", violations);
            identifiers.mobile(person.mobile(), at + "/mobile", violations);
            deviceCodes(unit, person, at, violations);
        }
        staffing.check(filing, violations);
    }

    /** Each device code is checked against the person's declared scope, or the unit's when the person has none. */
    private void deviceCodes(Unit unit, Person person, String at, Violations violations) {
        if (person.responsibleDeviceCodes() == null) {
            return;
        }
        List<String> scope = person.equipmentCategories() == null || person.equipmentCategories().isEmpty()
                ? unit.equipmentCategories()
                : person.equipmentCategories();
        List<String> devices = person.responsibleDeviceCodes();
        for (int k = 0; k < devices.size(); k++) {
            String code = devices.get(k);
            String pointer = at + "/responsibleDeviceCodes/" + k;
            DeviceCodes.check(code, scope, settings.acceptLegacyDeviceCodes(), identifiers.clock())
                    .ifPresent(error -> report(error, code, scope, pointer, violations));
        }
    }

    private static void report(
            ErrorCode error, String code, List<String> scope, String pointer, Violations violations) {
        switch (error) {
            case DEVICE_CODE_LEGACY -> violations.warning(error, pointer,
                    "20 位旧版代码 " + code, "20-digit legacy code " + code);
            case DEVICE_CODE_CATEGORY_MISMATCH -> violations.error(error, pointer,
                    code + " 属于类别 " + DeviceCodes.categoryOf(code) + "，申报类别为 " + scope,
                    code + " is of category " + DeviceCodes.categoryOf(code) + ", declared " + scope);
            default -> violations.error(error, pointer,
                    "须为 18 位（品种 4 位 + 制造单位 5 位 + 年份 4 位 + 流水号 5 位）：" + code,
                    "expected 18 characters (4 kind + 5 manufacturer + 4 year + 5 serial): " + code);
        }
    }
}
