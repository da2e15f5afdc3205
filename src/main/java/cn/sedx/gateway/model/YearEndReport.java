package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 年度工作总结: a year-end work report, an official document (公文)
 * ({@code schemas/year-end-report.schema.json}).
 *
 * @param issuer         发文机关
 * @param documentNumber 发文字号, e.g. {@code 粤市监特〔2023〕12号}
 * @param title          标题
 * @param mainRecipients 主送机关; {@link #DEFAULT_MAIN_RECIPIENTS} when absent
 * @param copyRecipients 抄送机关; null when absent
 * @param issuedOn       成文日期
 * @param classification 密级
 * @param urgency        紧急程度; null when not urgent
 * @param year           年度
 * @param figures        年度数据
 * @param attachments    附件, the report file(s)
 * @param signer         签发人 (GB/T 9704-2012 7.2.6; a report to SAMR is 上行文 and should name one); null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record YearEndReport(
        Issuer issuer,
        String documentNumber,
        String title,
        List<String> mainRecipients,
        List<String> copyRecipients,
        LocalDate issuedOn,
        Classification classification,
        Urgency urgency,
        int year,
        Figures figures,
        List<Attachment> attachments,
        String signer) {

    /** 主送 when the report names none: SAMR's Special Equipment Bureau. */
    public static final List<String> DEFAULT_MAIN_RECIPIENTS = List.of("市场监管总局特种设备局");

    public YearEndReport {
        mainRecipients = mainRecipients == null ? DEFAULT_MAIN_RECIPIENTS : mainRecipients;
    }

    /** A report without a signer (the form before {@code signer} existed). */
    public YearEndReport(Issuer issuer, String documentNumber, String title, List<String> mainRecipients,
            List<String> copyRecipients, LocalDate issuedOn, Classification classification, Urgency urgency,
            int year, Figures figures, List<Attachment> attachments) {
        this(issuer, documentNumber, title, mainRecipients, copyRecipients, issuedOn, classification, urgency, year,
                figures, attachments, null);
    }
}
