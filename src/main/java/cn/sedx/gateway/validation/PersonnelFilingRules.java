package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.FilingKind;
import cn.sedx.gateway.model.Person;
import cn.sedx.gateway.model.PersonnelFiling;
import cn.sedx.gateway.model.Unit;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.shared.ErrorCode;
import java.util.List;
import java.util.Optional;

/** Identifier and device-code checks over a schema-valid personnel filing, then its staffing rules. */
final class PersonnelFilingRules {

    private final ValidationSettings settings;
    private final IdentifierChecks identifiers;
    private final StaffingRules staffing;
    private final EquipmentCatalogue catalogue = EquipmentCatalogue.standard();

    PersonnelFilingRules(ValidationSettings settings, IdentifierChecks identifiers) {
        this.settings = settings;
        this.identifiers = identifiers;
        this.staffing = new StaffingRules(settings);
    }

    void check(PersonnelFiling filing, Violations violations) {
        Unit unit = filing.unit();
        identifiers.uscc(unit.uscc(), "/unit/uscc", violations);
        identifiers.location(unit.regionCode(), "/unit/regionCode", violations);
        if (filing.filingKind() == FilingKind.SUPPLEMENT) {
            supplementNamesItsNumbers(unit, violations);
        }
        List<Person> persons = filing.persons();
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            String at = "/persons/" + i;
            identifiers.identity(person.idType(), person.idNumber(), person.nationality(), at, violations);
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
            Optional<ErrorCode> error = DeviceCodes.check(code, scope, settings.acceptLegacyDeviceCodes(),
                    identifiers.clock());
            error.ifPresent(found -> report(found, code, scope, pointer, violations));
            boolean wellFormed = error.isEmpty() || error.get() == ErrorCode.DEVICE_CODE_LEGACY
                    || error.get() == ErrorCode.DEVICE_CODE_CATEGORY_MISMATCH;
            if (wellFormed && !catalogue.isDeviceKind(DeviceCodes.kindOf(code))) {
                violations.warning(ErrorCode.DEVICE_KIND_UNKNOWN, pointer,
                        "品种代码 " + DeviceCodes.kindOf(code) + " 不在 2014 年《特种设备目录》中，请核对",
                        "kind " + DeviceCodes.kindOf(code) + " is not in the 2014 catalogue");
            }
        }
    }

    /**
     * A 补充填报 adds licences or registrations to a unit already on file, so it names them: a production unit its
     * licence numbers, a use unit its use-registration numbers, a filling unit either.
     */
    private static void supplementNamesItsNumbers(Unit unit, Violations violations) {
        boolean licences = unit.licenceNumbers() != null && !unit.licenceNumbers().isEmpty();
        boolean registrations = unit.useRegistrationNumbers() != null && !unit.useRegistrationNumbers().isEmpty();
        boolean named = switch (unit.unitKind()) {
            case PRODUCTION -> licences;
            case USE -> registrations;
            case FILLING -> licences || registrations;
        };
        if (!named) {
            String field = unit.unitKind() == UnitKind.USE ? "useRegistrationNumbers" : "licenceNumbers";
            violations.error(ErrorCode.SUPPLEMENT_NUMBERS_MISSING, "/unit/" + field,
                    "SUPPLEMENT 须列出所补充的编号（" + field + "）", "a SUPPLEMENT lists the numbers it adds (" + field + ")");
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
