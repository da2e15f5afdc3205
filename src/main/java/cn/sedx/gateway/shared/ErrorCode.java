package cn.sedx.gateway.shared;

/**
 * Every error the gateway reports, with a stable string code (the enum name) that REST problem
 * bodies, SOAP faults, batch error reports and the audit trail all carry.
 *
 * <p>Each code carries everything a channel needs to answer with it: the HTTP status of a problem body, whether a
 * retry can help (delivery's retry and dead-letter decisions), the SOAP fault's side, and the default messages in
 * Chinese and English. Add codes here, each with its status; never renumber or rename one: clients match on them.
 */
public enum ErrorCode {
    // request shape
    VALIDATION_FAILED(422, "提交内容校验未通过", "The submission failed validation"),
    MALFORMED_JSON(400, "请求体不是合法的 JSON", "The request body is not valid JSON"),
    MALFORMED_XML(400, "请求体不是合法的 XML", "The request body is not valid XML"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的内容类型", "Unsupported content type"),
    PAYLOAD_TOO_LARGE(413, "请求体超过大小限制", "The request body exceeds the size limit"),
    NESTING_TOO_DEEP(400, "请求体嵌套层级过深", "The request body is nested too deeply"),
    SCHEMA_VIOLATION(422, "字段不符合接口规范", "The field does not conform to the schema"),
    IDEMPOTENCY_KEY_CONFLICT(409, "幂等键已用于不同的请求内容", "The idempotency key was already used with a different body"),
    MESSAGE_NOT_FOUND(404, "报文不存在", "No such message"),
    RESOURCE_NOT_FOUND(404, "没有这个资源", "No such resource"),
    METHOD_NOT_ALLOWED(405, "不支持此请求方法", "This method is not allowed here"),

    // SOAP envelopes and XML documents (SOAP channel, XML batch files)
    SOAP_VERSION_MISMATCH(422, "SOAP 信封的命名空间既不是 SOAP 1.1 也不是 SOAP 1.2", "The envelope namespace is neither SOAP 1.1 nor SOAP 1.2"),
    SOAP_NAMESPACE_UNKNOWN(422, "请求元素不在本服务的命名空间中", "The request element is not in the service's namespace"),
    SOAP_OPERATION_UNKNOWN(422, "没有这个操作", "No such operation"),
    SOAP_BODY_MISSING(422, "SOAP 消息缺少 Body 或 Body 为空", "The SOAP message has no body, or an empty one"),
    XML_DTD_REFUSED(422, "不接受 DTD、实体声明和外部实体", "DTDs, entity declarations and external entities are refused"),
    XML_TOO_MANY_ELEMENTS(422, "XML 元素数量超过限制", "The XML has more elements than allowed"),
    XML_TEXT_TOO_LONG(422, "XML 文本或属性超过长度限制", "An XML text or attribute is longer than allowed"),

    // batch files
    MALFORMED_CSV(422, "CSV 记录无法解析", "The CSV record cannot be parsed"),
    BATCH_FILE_UNREADABLE(422, "批量文件无法读取", "The batch file cannot be read"),

    // identifiers
    ID_NUMBER_FORMAT(422, "公民身份号码格式错误", "The citizen ID number is malformed"),
    ID_NUMBER_CHECKSUM(422, "公民身份号码校验码错误", "The citizen ID number check character is wrong"),
    ID_NUMBER_BIRTH_DATE(422, "公民身份号码中的出生日期无效", "The birth date in the citizen ID number is not a real past date"),
    USCC_FORMAT(422, "统一社会信用代码格式错误", "The unified social credit code is malformed"),
    USCC_CHECKSUM(422, "统一社会信用代码校验码错误", "The unified social credit code check character is wrong"),
    REGION_CODE_INVALID(422, "行政区划代码无效", "The administrative region code is invalid"),
    DEVICE_CODE_FORMAT(422, "设备代码格式错误", "The device code is malformed"),
    DEVICE_CODE_CATEGORY_MISMATCH(422, "设备代码的类别与申报类别不符", "The device code's category does not match the declared category"),
    DEVICE_CODE_LEGACY(422, "旧版设备注册代码，已接受", "Legacy device registration code accepted"),
    MOBILE_INVALID(422, "手机号码无效", "The mobile number is invalid"),
    DATE_INVALID(422, "日期无效", "The date is invalid"),
    DATE_IN_FUTURE(422, "日期晚于今天", "The date lies in the future"),

    // staffing (人员配备)
    PRINCIPAL_COUNT(422, "须有且仅有一名主要负责人", "There must be exactly one principal"),
    DIRECTOR_MISSING(422, "至少须有一名安全总监", "At least one safety director is required"),
    OFFICER_MISSING_FOR_CATEGORY(422, "该设备类别未配备安全员", "No safety officer covers this equipment category"),
    DEVICE_OFFICER_NOT_UNIQUE(422, "每台设备须明确一名负责的安全员", "Each device must have exactly one responsible officer"),
    ROLE_NOT_FOR_UNIT_KIND(422, "该岗位不适用于此类单位", "This role does not apply to this kind of unit"),
    DEVICE_HOLDER_NOT_OFFICER(422, "只有安全员可作为设备的负责人", "Only an officer can be the responsible person of a device"),
    FIELD_NOT_FOR_UNIT_KIND(422, "该字段不适用于此类单位", "This field does not apply to this kind of unit"),
    CONCURRENT_ROLES_PROHIBITED(422, "该人员不得兼任这两个岗位", "This person may not hold both roles"),

    // safety records (日管控、周排查、月调度)
    RECORD_ROLE_MISMATCH(422, "责任人岗位与记录类型不符", "The responsible person's role does not fit the record kind"),
    RECORD_PERIOD_MISMATCH(422, "期间格式与记录类型不符", "The period does not fit the record kind"),
    STATUS_NOTE_REQUIRED(422, "临时停用须说明情况", "A temporarily stopped status needs a note"),
    SERIOUS_HAZARD_ACTION_REQUIRED(422, "严重事故隐患须填写处理措施", "A serious hazard needs the action taken"),
    PERSON_ROLE_NOT_ON_FILE(422, "责任人未在该单位已报送的人员信息中担任此岗位", "The responsible person does not hold this role in the unit's personnel filing"),

    // official documents (公文)
    DOCUMENT_NUMBER_FORMAT(422, "发文字号格式错误", "The document number is malformed"),
    CLASSIFIED_DOCUMENT_REFUSED(422, "涉密公文不得通过非涉密网络传输", "Classified documents may not travel over this non-classified network"),
    ATTACHMENT_TYPE_NOT_ALLOWED(422, "附件类型不允许", "The attachment type is not allowed"),
    ATTACHMENT_TOO_LARGE(422, "附件超过大小限制", "The attachment exceeds the size limit"),
    ATTACHMENT_NOT_BASE64(422, "附件内容不是有效的 Base64 编码", "The attachment content is not valid base64"),
    PREVIOUS_VERSION_INVALID(422, "被替换的公文不存在、不属于本系统或未被退回", "The replaced document does not exist, is not this system's, or was not returned"),

    // security
    UNAUTHENTICATED(401, "未认证", "Authentication is required"),
    FORBIDDEN(403, "无权执行此操作", "Not allowed"),
    OUT_OF_JURISDICTION(403, "超出管辖范围", "Outside the submitting system's jurisdiction"),
    RATE_LIMITED(429, Retry.CAN_HELP, "请求过于频繁", "Too many requests"),
    REASON_REQUIRED(422, "变更操作须说明理由", "A change needs a reason for the audit trail"),

    // signatures
    SIGNATURE_INVALID(422, "签名验证失败", "The signature does not verify"),
    CERT_UNTRUSTED(422, "证书不受信任", "The certificate does not chain to a trusted root"),
    CERT_EXPIRED(422, "证书已过期", "The certificate has expired"),
    CERT_NOT_YET_VALID(422, "证书尚未生效", "The certificate is not yet valid"),
    DIGEST_MISMATCH(422, "摘要不一致", "A digest does not match its entry"),
    ENTRY_MISSING(422, "数据包缺少条目", "An entry listed in the manifest is missing"),
    ENTRY_UNEXPECTED(422, "数据包含有清单外的条目", "The package holds an entry the manifest does not list"),
    SIGNING_KEY_UNAVAILABLE(503, "签名密钥不可用", "The signing key is unavailable"),

    // delivery
    DESTINATION_UNAVAILABLE(503, Retry.CAN_HELP, "目标平台暂不可用", "The destination platform is unavailable"),
    DESTINATION_REJECTED(422, "目标平台拒收", "The destination platform rejected the message"),
    RECEIPT_INVALID(422, "回执验证失败", "The receipt does not verify"),
    NO_DESTINATION(422, "未配置目标平台", "No destination is configured for this message"),
    DELIVERY_EXPIRED(422, "重试期限已过", "The delivery gave up after its retry period"),
    TRANSFORM_FAILED(422, "报文无法转换为目标格式", "The message cannot be transformed to the destination's format"),
    FORMAT_VERSION_UNSUPPORTED(422, "不支持的目标格式版本", "The destination's format version is not supported"),
    UPLOAD_ALREADY_RUNNING(409, Retry.CAN_HELP, "已有上报任务正在运行", "An upload run is already running"),

    // security findings (issue 12)
    XML_UNSAFE_TEXT(422, "文本含有 XML 1.0 无法承载的字符（控制字符、孤立代理项、U+FFFE/U+FFFF）",
            "The text holds a character XML 1.0 cannot carry (a control character, a lone surrogate, U+FFFE or U+FFFF)"),
    REQUEST_REFUSED(400, "请求无法处理（格式错误或不被允许）", "The request cannot be processed (malformed or not allowed)"),

    // ---- issue 13: catalogue codes, locations, identity documents, unit identity, periods, 公文 elements ----
    DEVICE_KIND_UNKNOWN(422, "设备代码的品种代码不在《特种设备目录》中，已接受", "The device code's kind is not in the special-equipment catalogue; accepted"),
    REGION_CODE_UNKNOWN(422, "行政区划代码不在 GB/T 2260 代码表中，已接受", "The region code is well formed but not in the GB/T 2260 table; accepted"),
    REGION_OUTSIDE_SUPERVISION(422, "台湾、香港、澳门不属于市场监管总局特种设备安全监管范围", "Taiwan, Hong Kong and Macao are outside SAMR's special-equipment supervision"),
    REGION_FROM_CREDIT_CODE(422, "单位所在地取自统一社会信用代码的登记地，可能不是单位所在地", "The unit's region was taken from where its credit code was issued, which may not be where it is"),
    PERMANENT_RESIDENCE_ID_FORMAT(422, "外国人永久居留身份证号码格式错误", "The foreigner's permanent residence ID number is malformed"),
    PERMANENT_RESIDENCE_ID_CHECKSUM(422, "外国人永久居留身份证号码校验码错误", "The foreigner's permanent residence ID check character is wrong"),
    RESIDENCE_PERMIT_FORMAT(422, "港澳台居民居住证号码格式错误", "The Hong Kong, Macao or Taiwan residence permit number is malformed"),
    RESIDENCE_PERMIT_CHECKSUM(422, "港澳台居民居住证号码校验码错误", "The residence permit number's check character is wrong"),
    HK_MACAO_PERMIT_FORMAT(422, "港澳居民来往内地通行证号码格式错误", "The Hong Kong and Macao residents' mainland travel permit number is malformed"),
    TAIWAN_PERMIT_FORMAT(422, "台湾居民来往大陆通行证号码格式错误", "The Taiwan residents' mainland travel permit number is malformed"),
    PASSPORT_FORMAT(422, "护照号码格式错误", "The passport number is malformed"),
    NATIONALITY_INVALID(422, "国籍须为 ISO 3166-1 三位字母代码（护照必填）", "The nationality must be an ISO 3166-1 alpha-3 code (required with a passport)"),
    UNIT_KIND_REQUIRED(422, "该统一社会信用代码有多种单位类型的人员信息，须注明单位类型", "The credit code has personnel filings of several unit kinds: name the unit kind"),
    OPERATING_STATUS_NOT_FOR_UNIT_KIND(422, "该运行状态不适用于此类单位", "This operating status does not apply to this kind of unit"),
    PERIOD_BEFORE_ORDERS(422, "期间早于两个规定施行之日（2023-05-05）", "The period lies before the Orders took effect (2023-05-05)"),
    LATE_FILING(422, "逾期报送，已接受", "Filed late; accepted"),
    SUPPLEMENT_NUMBERS_MISSING(422, "补充填报须填写所补充的许可证编号或使用登记证编号", "A supplementary filing must carry the licence or registration numbers it supplements"),
    SIGNER_MISSING(422, "上行文须标注签发人", "A document to a superior authority must name its signer (签发人)"),
    MAIN_RECIPIENT_MISSING(422, "主送机关须包括市场监管总局特种设备局", "The main recipients must include SAMR's Special Equipment Bureau"),
    DOCUMENT_NUMBER_YEAR_MISMATCH(422, "发文字号中的年份与成文日期的年份不一致", "The year in the document number differs from the year of issuedOn"),
    FIGURES_INCONSISTENT(422, "年度数据前后矛盾", "The year's figures contradict each other"),
    // ---- end of issue 13 ----

    // ---- issue 16: training records, rectification orders, agency reports, year-end figures ----
    TRAINING_ROLE_INVALID(422, "培训考核记录的对象须为安全总监或安全员", "A training record is about a director or an officer"),
    TRAINEE_NOT_ON_FILE(422, "受训人员未在该单位已报送的人员信息中担任此岗位，已接受", "The trained person does not hold this role in the unit's personnel filing; accepted"),
    ORGANISER_DETAILS_REQUIRED(422, "委托机构组织培训须填写机构名称和统一社会信用代码", "Training by an entrusted body must name the body and its credit code"),
    SPOT_CHECK_REGULATOR_REQUIRED(422, "监督抽查考核须填写监管部门名称", "A regulator's spot check must name the regulator"),
    ASSESSMENT_BEFORE_TRAINING(422, "考核日期早于培训日期", "The assessment date lies before the training date"),
    FAILING_CATEGORY_REQUIRED(422, "未配备安全员的问题须注明设备类别", "A missing officer must name the equipment category"),
    FAILING_DESCRIPTION_REQUIRED(422, "其他问题须填写说明", "A failing of kind OTHER must be described"),
    DEADLINE_BEFORE_ISSUE(422, "整改期限早于下达日期", "The deadline lies before the issue date"),
    UNIT_OUTSIDE_AUTHORITY_REGION(422, "单位不在发出指令书的监管部门辖区内", "The unit lies outside the issuing authority's region"),
    ORDER_NUMBER_TAKEN(409, "指令书编号已被使用", "The order number is already taken"),
    ORDER_NOT_FOUND(404, "没有这个编号的指令书", "No rectification order has this number"),
    ORDER_STATE_CONFLICT(409, "指令书当前状态不允许此变更", "The order's current status does not allow this change"),
    ORDER_STATUS_SET_BY_GATEWAY(422, "逾期状态只能由网关根据整改期限设置", "Only the gateway sets OVERDUE, from the deadline"),
    ORDER_CHANGE_DETAILS_MISMATCH(422, "状态变更须且只须附上该状态的内容", "A change carries the details of its status and no other"),
    DATE_BEFORE_ORDER_ISSUED(422, "日期早于指令书下达日期", "The date lies before the order was issued"),
    APPROVAL_NUMBER_MISMATCH(422, "机构核准证号与报送系统登记的不一致", "The agency's approval number is not the one registered for the submitting system"),
    FIGURES_DIFFER_FROM_COMPUTED(422, "年度数据与网关按已报送数据统计的不一致，已接受", "The figure differs from the one the gateway computes from the filings; accepted"),
    // ---- end of issue 16 ----
    // ---- issue 18: Excel workbooks and batch uploads ----
    XLSX_UNREADABLE(422, "不是可读取的 Excel 工作簿（.xlsx）", "Not a readable Excel workbook (.xlsx)"),
    XLSX_ZIP_BOMB(422, "工作簿解压后的大小与其压缩大小极不相称（疑似压缩炸弹），拒收", "The workbook inflates far beyond its compressed size (a zip bomb) and is refused"),
    XLSX_PART_TOO_LARGE(422, "工作簿的某个部件解压后超过大小限制", "A part of the workbook exceeds the size limit once inflated"),
    XLSX_SHARED_STRINGS_TOO_LARGE(422, "工作簿的共享字符串表超过限制", "The workbook's shared-strings table exceeds the limit"),
    XLSX_SHEET_NOT_FOUND(422, "工作簿中没有模板规定的工作表", "The workbook has no sheet of a known template"),
    XLSX_HEADER_INVALID(422, "表头与模板不符", "The header rows do not match the template"),
    XLSX_TYPE_NOT_AVAILABLE(422, "本网关尚不受理此类记录", "This gateway does not take records of this type yet"),
    XLSX_TOO_MANY_ROWS(422, "工作表行数超过限制", "The sheet has more rows than allowed"),
    XLSX_CELL_TOO_LONG(422, "单元格内容超过长度限制", "The cell's content is longer than allowed"),
    ID_NUMBER_STORED_AS_NUMBER(422, "证件号码以数字格式存储，Excel 只保留 15 位有效数字，已丢失位数或末位 X", "The ID number is stored as a number: Excel keeps 15 significant digits, so digits or the final X are lost"),
    IDENTIFIER_STORED_AS_NUMBER(422, "编号以数字格式存储，超过 15 位的数字已丢失精度", "The identifier is stored as a number of more than 15 digits, which Excel cannot keep exactly"),
    NUMBER_INVALID(422, "须为数字", "Must be a number"),
    // ---- end of issue 18 ----

    // ---- issue 17: scale-out ----
    STORE_UNAVAILABLE(503, Retry.CAN_HELP, "网关数据库暂不可用，请稍后重试", "The gateway's database is unavailable; retry later"),
    // ---- end of issue 17 ----

    INTERNAL_ERROR(500, Retry.CAN_HELP, "网关内部错误", "Internal gateway error");

    private final int status;
    private final boolean recoverable;
    private final String messageZh;
    private final String messageEn;

    ErrorCode(int status, String messageZh, String messageEn) {
        this(status, null, messageZh, messageEn);
    }

    ErrorCode(int status, Retry retry, String messageZh, String messageEn) {
        this.status = status;
        this.recoverable = retry == Retry.CAN_HELP;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The HTTP status a REST refusal with this code answers (and the console's error page). */
    public int status() {
        return status;
    }

    /** Whether a retry of the same operation can help; retry and dead-letter decisions read this. */
    public boolean recoverable() {
        return recoverable;
    }

    /**
     * Whom a SOAP fault with this code blames: the receiver (the gateway) when the fault is its own (a 5xx status)
     * or passes with time (a retry can help), the sender otherwise.
     */
    public FaultSide faultSide() {
        return recoverable || status >= 500 ? FaultSide.RECEIVER : FaultSide.SENDER;
    }

    /** The default message, in Chinese. */
    public String messageZh() {
        return messageZh;
    }

    /** The default message, in English. */
    public String messageEn() {
        return messageEn;
    }

    /** The SOAP fault code's side: {@code Client}/{@code Sender} or {@code Server}/{@code Receiver}. */
    public enum FaultSide {
        SENDER,
        RECEIVER
    }

    /** Marks the codes a retry of the same operation can cure (the others fail the same way again). */
    enum Retry {
        CAN_HELP
    }
}
