package cn.sedx.gateway.intake.xlsx;

import static cn.sedx.gateway.intake.xlsx.Column.Kind.CHOICE;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.CHOICES;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.DATE;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.IDENTIFIER;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.ID_NUMBER;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.KEY;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.PERIOD;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.TEXT;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.TEXTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three templates: 人员信息填报 (one person a row, rows of one filing grouped), 日管控、周排查、月调度记录 (one finding a
 * row, rows of one record grouped) and 培训考核记录 (one record a row). Field names follow the JSON Schemas in
 * {@code schemas/}; the training record's follow issue 16's text until its schema exists (docs/batch.md).
 */
public final class Layouts {

    private static final String DATES_ZH = "日期：2023-06-01、2023年6月1日、2023/6/1 或 Excel 日期均可";
    private static final String DATES_EN = "a date: 2023-06-01, 2023年6月1日, 2023/6/1 or an Excel date";
    private static final String ID_ZH = "证件号码：须为文本（本列已设为文本格式）；以数字存储会丢失位数或末位 X，将被拒收";
    private static final String ID_EN = "document number as text (the column is text-formatted); a number loses digits "
            + "or its X and is refused";
    private static final String MANY_ZH = "可填多个，以分号（;）或顿号（、）分隔";
    private static final String MANY_EN = "several values separated by ; or 、";
    private static final String LIST_ZH = "从下拉列表中选择";
    private static final String LIST_EN = "pick from the drop-down list";
    private static final String ROLE_ZH = "从下拉列表中选择；可选岗位随单位类型而定（生产单位为质量安全总监、质量安全员）";
    private static final String ROLE_EN = "pick from the list; the roles offered follow the unit kind (production units use the "
            + "质量安全 forms)";

    public static final SheetLayout PERSONNEL_FILING = new SheetLayout("personnel-filing", "人员信息填报", "PERSONNEL_FILING",
            "人员信息填报：每行一名人员，同一填报编号和统一社会信用代码的连续行组成一次填报",
            "Personnel filing: one person a row; consecutive rows with the same filing number and credit code form one filing",
            "persons", List.of(
                    key("填报编号", "filingNumber", "本单位对这次填报的编号，同一次填报的各行相同", "your number of this filing, the same on each of its rows"),
                    column("填报类型", "filingKind", "/filingKind", CHOICE, Choices.FILING_KIND, true, LIST_ZH, LIST_EN),
                    column("生效日期", "effectiveDate", "/effectiveDate", DATE, null, true, DATES_ZH, DATES_EN),
                    column("单位名称", "unit.name", "/unit/name", TEXT, null, true, "单位全称", "the unit's full name"),
                    column("统一社会信用代码", "unit.uscc", "/unit/uscc", IDENTIFIER, null, true, "18 位，文本格式",
                            "18 characters, as text"),
                    column("单位类型", "unit.unitKind", "/unit/unitKind", CHOICE, Choices.UNIT_KIND, true, LIST_ZH, LIST_EN),
                    column("行政区划代码", "unit.regionCode", "/unit/regionCode", CHOICE, Choices.regions(""), true,
                            "单位所在地的 GB/T 2260 代码，从下拉列表中选择或填写 6 位代码", "GB/T 2260 code of where the unit is: pick or type 6 digits"),
                    column("单位设备类别", "unit.equipmentCategories", "/unit/equipmentCategories", CHOICES, Choices.CATEGORY,
                            true, "设备类别代码，" + MANY_ZH, "equipment category codes, " + MANY_EN),
                    column("许可证编号", "unit.licenceNumbers", "/unit/licenceNumbers", TEXTS, null, false,
                            "生产、充装单位填写，" + MANY_ZH, "production and filling units, " + MANY_EN),
                    column("使用登记证编号", "unit.useRegistrationNumbers", "/unit/useRegistrationNumbers", TEXTS, null, false,
                            "使用、充装单位填写，" + MANY_ZH, "use and filling units, " + MANY_EN),
                    column("岗位", "persons[].role", "/persons/-/role", CHOICE, Choices.ROLE, true, ROLE_ZH, ROLE_EN),
                    column("姓名", "persons[].name", "/persons/-/name", TEXT, null, true, "姓名", "full name"),
                    column("证件类型", "persons[].idType", "/persons/-/idType", CHOICE, Choices.ID_TYPE, false,
                            "不填即为居民身份证", "empty means 居民身份证 (resident ID)"),
                    column("证件号码", "persons[].idNumber", "/persons/-/idNumber", ID_NUMBER, null, true, ID_ZH, ID_EN),
                    column("国籍", "persons[].nationality", "/persons/-/nationality", CHOICE, Choices.NATIONALITY, false,
                            "持护照者必填，ISO 3166-1 三位字母代码", "required with a passport: ISO 3166-1 alpha-3"),
                    column("手机号码", "persons[].mobile", "/persons/-/mobile", IDENTIFIER, null, true, "11 位手机号码",
                            "11-digit mobile number"),
                    column("任命日期", "persons[].appointedOn", "/persons/-/appointedOn", DATE, null, true, DATES_ZH, DATES_EN),
                    column("证书编号", "persons[].certificateNumber", "/persons/-/certificateNumber", IDENTIFIER, null, false,
                            "特种设备安全管理人员证编号", "the safety-management certificate's number"),
                    column("负责设备类别", "persons[].equipmentCategories", "/persons/-/equipmentCategories", CHOICES,
                            Choices.CATEGORY, false, "总监、安全员负责的设备类别，" + MANY_ZH, "categories a director or officer covers, "
                                    + MANY_EN),
                    column("负责设备代码", "persons[].responsibleDeviceCodes", "/persons/-/responsibleDeviceCodes", TEXTS,
                            null, false, "安全员逐台负责的设备代码（文本），" + MANY_ZH, "device codes an officer answers for (text), "
                                    + MANY_EN)),
            sample("filingNumber", SheetLayout.SAMPLE_KEY, "filingKind", "首次", "effectiveDate", "2026-11-01",
                    "unit.name", "广州天河城市物业管理有限公司", "unit.uscc", "91440106MA59ABCDEX", "unit.unitKind", "使用",
                    "unit.regionCode", "440106 广东省 广州市 天河区", "unit.equipmentCategories", "3000",
                    "unit.useRegistrationNumbers", "梯11粤A00001(19)", "persons[].role", "安全员", "persons[].name", "王芳",
                    "persons[].idType", "居民身份证", "persons[].idNumber", "440106199004151516",
                    "persons[].mobile", "15012345678", "persons[].appointedOn", "2023-06-15",
                    "persons[].certificateNumber", "TS0844010620230002", "persons[].equipmentCategories", "3000",
                    "persons[].responsibleDeviceCodes", "311044123201900001"));

    public static final SheetLayout SAFETY_RECORD = new SheetLayout("safety-record", "日管控周排查月调度记录", "SAFETY_RECORD",
            "日管控、周排查、月调度记录：每行一个问题，同一记录编号和统一社会信用代码的连续行组成一份记录；零风险报告只填一行、问题列留空",
            "Safety records: one finding a row; consecutive rows with the same record number and credit code form one record; "
                    + "a zero-risk report is one row with the finding columns empty",
            "findings", List.of(
                    key("记录编号", "recordNumber", "本单位对这份记录的编号，同一记录的各行相同", "your number of this record, the same on each of its rows"),
                    column("记录类型", "recordKind", "/recordKind", CHOICE, Choices.RECORD_KIND, true, LIST_ZH, LIST_EN),
                    column("统一社会信用代码", "unitUscc", "/unitUscc", IDENTIFIER, null, true, "18 位，文本格式", "18 characters, as text"),
                    column("单位类型", "unitKind", "/unitKind", CHOICE, Choices.UNIT_KIND, false,
                            "该单位有多种类型的人员信息时必填", "required when the unit has filings of several kinds"),
                    column("行政区划代码", "regionCode", "/regionCode", CHOICE, Choices.regions(""), false,
                            "不填则取该单位人员信息中的所在地", "empty: the region of the unit's personnel filing"),
                    column("设备类别", "equipmentCategory", "/equipmentCategory", CHOICE, Choices.CATEGORY, true, LIST_ZH, LIST_EN),
                    column("期间", "period", "/period", PERIOD, null, true,
                            "日检查填日期（2026-11-27），周排查填 ISO 周（2026-W48），月调度填月份（2026-11），文本格式",
                            "daily: a date; weekly: ISO week 2026-W48; monthly: 2026-11; as text"),
                    column("责任人姓名", "responsiblePerson.name", "/responsiblePerson/name", TEXT, null, true, "姓名", "full name"),
                    column("责任人岗位", "responsiblePerson.role", "/responsiblePerson/role", CHOICE, Choices.ROLE, true, ROLE_ZH,
                            ROLE_EN),
                    column("责任人证件类型", "responsiblePerson.idType", "/responsiblePerson/idType", CHOICE, Choices.ID_TYPE, false,
                            "不填即为居民身份证", "empty means 居民身份证 (resident ID)"),
                    column("责任人证件号码", "responsiblePerson.idNumber", "/responsiblePerson/idNumber", ID_NUMBER, null, true,
                            ID_ZH, ID_EN),
                    column("责任人国籍", "responsiblePerson.nationality", "/responsiblePerson/nationality", CHOICE,
                            Choices.NATIONALITY, false, "持护照者必填", "required with a passport"),
                    column("运行状态", "operatingStatus", "/operatingStatus", CHOICE, Choices.OPERATING_STATUS, true, LIST_ZH,
                            LIST_EN),
                    column("状态说明", "statusNote", "/statusNote", TEXT, null, false, "临时停用时必填", "required when 临时停用"),
                    column("检查项目或问题", "findings[].item", "/findings/-/item", TEXT, null, false,
                            "每行一个问题；零风险报告留空", "one finding a row; empty for a zero-risk report"),
                    column("隐患等级", "findings[].hazardLevel", "/findings/-/hazardLevel", CHOICE, Choices.HAZARD_LEVEL, false,
                            LIST_ZH, LIST_EN),
                    column("处理措施", "findings[].actionTaken", "/findings/-/actionTaken", TEXT, null, false,
                            "严重事故隐患必填", "required for a serious hazard"),
                    column("整改期限", "findings[].rectifyBy", "/findings/-/rectifyBy", DATE, null, false, DATES_ZH, DATES_EN),
                    column("整改完成日期", "findings[].rectifiedOn", "/findings/-/rectifiedOn", DATE, null, false, DATES_ZH,
                            DATES_EN)),
            sample("recordNumber", SheetLayout.SAMPLE_KEY, "recordKind", "每日安全检查记录", "unitUscc", "91440106MA59ABCDEX",
                    "unitKind", "使用", "regionCode", "440106 广东省 广州市 天河区", "equipmentCategory", "3000 电梯",
                    "period", "2026-11-27", "responsiblePerson.name", "王芳", "responsiblePerson.role", "安全员",
                    "responsiblePerson.idType", "居民身份证", "responsiblePerson.idNumber", "440106199004151516",
                    "operatingStatus", "在用", "findings[].item", "1号电梯轿厢照明不亮", "findings[].hazardLevel", "一般事故隐患",
                    "findings[].actionTaken", "当场更换照明灯具", "findings[].rectifyBy", "2026-11-27",
                    "findings[].rectifiedOn", "2026-11-27"));

    public static final SheetLayout TRAINING_RECORD = TrainingLayout.LAYOUT;

    private static final List<SheetLayout> ALL = List.of(PERSONNEL_FILING, SAFETY_RECORD, TRAINING_RECORD);

    private Layouts() {}

    /** Every layout, in template order. */
    public static List<SheetLayout> all() {
        return ALL;
    }

    /** The layout of template {@code name} ({@code personnel-filing}, {@code safety-record}, {@code training-record}). */
    public static Optional<SheetLayout> byTemplate(String name) {
        return ALL.stream().filter(layout -> layout.template().equals(name)).findFirst();
    }

    static Column key(String header, String name, String zh, String en) {
        return new Column(header, name, null, KEY, null, true, zh + "；示例行填“" + SheetLayout.SAMPLE_KEY + "”，不会报送",
                en + "; the sample row reads " + SheetLayout.SAMPLE_KEY + " and is never filed");
    }

    static Column column(String header, String name, String pointer, Column.Kind kind, Choice choice, boolean required,
            String zh, String en) {
        return new Column(header, name, pointer, kind, choice, required, zh, en);
    }

    static Map<String, String> sample(String... namesAndValues) {
        Map<String, String> sample = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sample.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Map.copyOf(sample);
    }
}
