package cn.sedx.gateway.intake.xlsx;

import static cn.sedx.gateway.intake.xlsx.Column.Kind.CHOICE;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.DATE;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.IDENTIFIER;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.ID_NUMBER;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.NUMBER;
import static cn.sedx.gateway.intake.xlsx.Column.Kind.TEXT;
import static cn.sedx.gateway.intake.xlsx.Layouts.column;
import static cn.sedx.gateway.intake.xlsx.Layouts.key;
import static cn.sedx.gateway.intake.xlsx.Layouts.sample;

import java.util.List;

/**
 * The 培训考核记录 template of {@code TRAINING_RECORD} (schemas/training-record.schema.json: the unit, the person,
 * who organised the training, date, hours, content, the assessment, when and by whom): one record a row. The
 * pointers below are the schema's field names; the unit's region is left to the gateway (from its personnel filing).
 */
final class TrainingLayout {

    private static final String LIST_ZH = "从下拉列表中选择";
    private static final String LIST_EN = "pick from the drop-down list";

    static final SheetLayout LAYOUT = new SheetLayout("training-record", "培训考核记录", "TRAINING_RECORD",
            "培训考核记录：每行一名人员的一次培训和考核", "Training records: one person's training and assessment a row", null,
            List.of(
                    key("记录编号", "recordNumber", "本单位对这条记录的编号", "your number of this record"),
                    column("统一社会信用代码", "unitUscc", "/unitUscc", IDENTIFIER, null, true, "18 位，文本格式", "18 characters, as text"),
                    column("单位类型", "unitKind", "/unitKind", CHOICE, Choices.UNIT_KIND, true, LIST_ZH, LIST_EN),
                    column("姓名", "person.name", "/person/name", TEXT, null, true, "受训人员姓名", "the trainee's full name"),
                    column("岗位", "person.role", "/person/role", CHOICE, Choices.ROLE, true,
                            "可选岗位随单位类型而定", "the roles offered follow the unit kind"),
                    column("证件类型", "person.idType", "/person/idType", CHOICE, Choices.ID_TYPE, false, "不填即为居民身份证",
                            "empty means 居民身份证 (resident ID)"),
                    column("证件号码", "person.idNumber", "/person/idNumber", ID_NUMBER, null, true,
                            "须为文本；以数字存储会丢失位数或末位 X，将被拒收", "as text; a number loses digits or its X and is refused"),
                    column("国籍", "person.nationality", "/person/nationality", CHOICE, Choices.NATIONALITY, false,
                            "持护照者必填", "required with a passport"),
                    column("组织方式", "organiser.kind", "/organiser/kind", CHOICE, Choices.ORGANISER, true,
                            "本单位组织或委托机构", "organised by the unit itself or by an entrusted body"),
                    column("受托机构名称", "organiser.name", "/organiser/name", TEXT, null, false, "委托机构时必填",
                            "required for an entrusted body"),
                    column("受托机构统一社会信用代码", "organiser.uscc", "/organiser/uscc", IDENTIFIER, null, false, "委托机构时必填",
                            "required for an entrusted body"),
                    column("培训日期", "trainedOn", "/trainedOn", DATE, null, true, "不得晚于今天；2023-06-01、2023年6月1日、"
                            + "2023/6/1 或 Excel 日期", "not in the future; 2023-06-01, 2023年6月1日, 2023/6/1 or an Excel date"),
                    column("学时", "hours", "/hours", NUMBER, null, true, "培训学时（数字）", "hours of training (a number)"),
                    column("培训内容", "content", "/content", TEXT, null, true, "培训内容摘要", "what the training covered"),
                    column("考核结果", "assessment.result", "/assessment/result", CHOICE, Choices.ASSESSMENT_RESULT, true,
                            LIST_ZH, LIST_EN),
                    column("考核日期", "assessment.assessedOn", "/assessment/assessedOn", DATE, null, true,
                            "不得早于培训日期，不得晚于今天", "not before the training date, not in the future"),
                    column("考核分数", "assessment.score", "/assessment/score", NUMBER, null, false, "可不填", "optional"),
                    column("考核方式", "assessment.assessedBy", "/assessment/assessedBy", CHOICE, Choices.ASSESSED_BY, true,
                            "本单位考核或监管部门监督抽查考核", "by the unit, or a regulator's spot check (监督抽查考核)"),
                    column("抽查监管部门", "assessment.regulatorName", "/assessment/regulatorName", TEXT, null, false,
                            "监督抽查考核时必填", "required for a regulator's spot check")),
            sample("recordNumber", SheetLayout.SAMPLE_KEY, "unitUscc", "91440106MA59ABCDEX", "unitKind", "使用",
                    "person.name", "王芳", "person.role", "安全员", "person.idType", "居民身份证",
                    "person.idNumber", "440106199004151516", "organiser.kind", "本单位组织", "trainedOn", "2026-10-20",
                    "hours", "8", "content", "电梯日常检查要点与应急处置", "assessment.result", "合格", "assessment.assessedOn", "2026-10-21", "assessment.score", "92",
                    "assessment.assessedBy", "本单位考核"));

    private TrainingLayout() {}
}
