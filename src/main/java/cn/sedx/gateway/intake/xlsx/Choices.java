package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
import cn.sedx.gateway.validation.EquipmentCatalogue;
import cn.sedx.gateway.validation.RegionTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The drop-down lists of the templates: the enumerations of the canonical model with their Chinese names (the
 * words the CSV batch format and docs/batch.md use), the equipment categories of Orders 73/74 from the 特种设备目录,
 * the GB/T 2260 regions and the ISO 3166-1 alpha-3 nationalities. Roles come per unit kind as well.
 */
final class Choices {

    /** The nine categories of Orders No. 73 and No. 74, in the order of their chapters. */
    static final List<String> CATEGORIES = List.of("1000", "2000", "2300", "8000", "3000", "4000", "9000", "6000",
            "5000");

    public static final Choice FILING_KIND = labelled("filingKind", "首次", "INITIAL", "变更", "CHANGE", "补充",
            "SUPPLEMENT");
    public static final Choice UNIT_KIND = labelled("unitKind", "生产", "PRODUCTION", "使用", "USE", "充装", "FILLING");
    public static final Choice ROLE = labelled("role", "主要负责人", "PRINCIPAL", "安全总监", "SAFETY_DIRECTOR", "安全员",
            "SAFETY_OFFICER", "质量安全总监", "QUALITY_SAFETY_DIRECTOR", "质量安全员", "QUALITY_SAFETY_OFFICER");
    public static final Choice ID_TYPE = new Choice("idType", Arrays.stream(IdType.values())
            .map(type -> new Choice.Option(type.label(), type.name())).toList(), false);
    public static final Choice RECORD_KIND = labelled("recordKind", "每日安全检查记录", "DAILY_CHECK", "每周安全排查治理报告",
            "WEEKLY_INVESTIGATION", "每月安全调度会议纪要", "MONTHLY_DISPATCH", "安全风险管控清单", "RISK_CONTROL_LIST");
    public static final Choice OPERATING_STATUS = labelled("operatingStatus", "在用", "IN_SERVICE", "停产",
            "PRODUCTION_SUSPENDED", "停用", "STOPPED_REGISTERED", "临时停用", "TEMPORARILY_STOPPED");
    public static final Choice HAZARD_LEVEL = labelled("hazardLevel", "无隐患", "NONE", "一般事故隐患", "GENERAL",
            "严重事故隐患", "SERIOUS");
    public static final Choice ORGANISER = labelled("organiserKind", "本单位组织", "UNIT", "委托机构", "ENTRUSTED_BODY");
    public static final Choice ASSESSMENT_RESULT = labelled("assessmentResult", "合格", "PASSED", "不合格", "FAILED");
    public static final Choice ASSESSED_BY = labelled("assessedBy", "本单位考核", "UNIT", "监督抽查考核",
            "REGULATOR_SPOT_CHECK");
    public static final Choice CATEGORY = new Choice("equipmentCategory", CATEGORIES.stream()
            .map(code -> new Choice.Option(code + " " + EquipmentCatalogue.standard().name(code).orElse(""), code))
            .toList(), true);
    public static final Choice NATIONALITY = new Choice("nationality", nationalities(), true);

    private Choices() {}

    /** The GB/T 2260 regions inside {@code jurisdiction} (a code prefix; empty for all), labelled with their names. */
    public static Choice regions(String jurisdiction) {
        RegionTable table = RegionTable.standard();
        List<Choice.Option> options = table.codes().stream().filter(code -> code.startsWith(jurisdiction))
                .map(code -> new Choice.Option(code + " " + table.fullName(code), code)).toList();
        return new Choice("regionCode", options, true);
    }

    /** The roles a unit of {@code kind} may use (主要负责人 and the 质量安全 forms for production units). */
    public static Choice roles(UnitKind kind) {
        List<Choice.Option> options = ROLE.options().stream().filter(o -> Role.valueOf(o.code()).fits(kind)).toList();
        return new Choice("role" + kind.name(), options, false);
    }

    private static Choice labelled(String name, String... labelsAndCodes) {
        List<Choice.Option> options = new ArrayList<>();
        for (int i = 0; i < labelsAndCodes.length; i += 2) {
            options.add(new Choice.Option(labelsAndCodes[i], labelsAndCodes[i + 1]));
        }
        return new Choice(name, List.copyOf(options), false);
    }

    private static List<Choice.Option> nationalities() {
        List<Choice.Option> options = new ArrayList<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            options.add(new Choice.Option(country.getISO3Country() + " " + country.getDisplayCountry(Locale.CHINA),
                    country.getISO3Country()));
        }
        options.sort(Comparator.comparing(Choice.Option::code));
        return List.copyOf(options);
    }
}
