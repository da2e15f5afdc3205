package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Attachment;
import cn.sedx.gateway.model.Classification;
import cn.sedx.gateway.model.Figures;
import cn.sedx.gateway.model.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules for a year-end report, an official document bound for the national document exchange. */
final class YearEndReportRules {

    /** Leading bytes of the formats the gateway knows: PDF, and OFD (a ZIP container, GB/T 33190). */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "application/ofd", new byte[] {'P', 'K', 3, 4});

    private final ValidationSettings settings;
    private final IdentifierChecks identifiers;

    YearEndReportRules(ValidationSettings settings, IdentifierChecks identifiers) {
        this.settings = settings;
        this.identifiers = identifiers;
    }

    /**
     * Refuses a classified document from the raw body, whether or not the rest of it is valid: a secret must
     * not go further into a non-classified system just because another field is wrong.
     */
    static void refuseClassified(JsonNode body, Violations violations) {
        JsonNode label = body == null ? null : body.get("classification");
        if (label == null || !label.isTextual()) {
            return;
        }
        Arrays.stream(Classification.values())
                .filter(c -> c.isClassified() && c.label().equals(label.asText()))
                .findFirst()
                .ifPresent(c -> violations.error(ErrorCode.CLASSIFIED_DOCUMENT_REFUSED, "/classification",
                        "密级为" + c.label() + "的公文须经涉密网络传输",
                        "a document classified " + c.name() + " must travel over a classified network"));
    }

    void check(YearEndReport report, Violations violations) {
        identifiers.uscc(report.issuer().uscc(), "/issuer/uscc", violations);
        identifiers.location(report.issuer().regionCode(), "/issuer/regionCode", violations);
        DocumentNumbers.check(report.documentNumber()).ifPresent(code -> violations.error(code, "/documentNumber",
                "应为 机关代字〔年份〕序号号，如 粤市监特〔2023〕12号（GB/T 9704-2012 7.2.5）",
                "expected abbreviation〔year〕number号, e.g. 粤市监特〔2023〕12号 (GB/T 9704-2012 7.2.5)"));
        DocumentNumbers.yearOf(report.documentNumber())
                .filter(year -> year != report.issuedOn().getYear())
                .ifPresent(year -> violations.error(ErrorCode.DOCUMENT_NUMBER_YEAR_MISMATCH, "/documentNumber",
                        "发文字号年份 " + year + "，成文日期 " + report.issuedOn(),
                        "year " + year + " in the number, issued on " + report.issuedOn()));
        identifiers.notFuture(report.issuedOn(), "/issuedOn", "成文日期", "issued on", violations);
        signer(report.signer(), violations);
        mainRecipient(report.mainRecipients(), violations);
        figures(report.figures(), violations);
        List<Attachment> attachments = report.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            attachment(attachments.get(i), "/attachments/" + i, violations);
        }
    }

    /**
     * 签发人: GB/T 9704-2012 7.2.6 asks it of every 上行文, which a report to SAMR is; refused without one only when
     * configured ({@code require-signer}), so reports of clients written before the field existed still pass.
     */
    private void signer(String signer, Violations violations) {
        if (signer == null && settings.requireSigner()) {
            violations.error(ErrorCode.SIGNER_MISSING, "/signer", "未填 signer", "no signer");
        }
    }

    private void mainRecipient(List<String> mainRecipients, Violations violations) {
        String required = settings.requiredMainRecipient();
        if (!required.isBlank() && !mainRecipients.contains(required)) {
            violations.error(ErrorCode.MAIN_RECIPIENT_MISSING, "/mainRecipients",
                    "主送须包括 " + required, "the main recipients must include " + required);
        }
    }

    /** Units fully staffed or running the mechanism are units that filed: neither count exceeds unitsFiled. */
    private static void figures(Figures figures, Violations violations) {
        notAboveFiled("unitsFullyStaffed", figures.unitsFullyStaffed(), figures.unitsFiled(), violations);
        notAboveFiled("unitsWithMechanism", figures.unitsWithMechanism(), figures.unitsFiled(), violations);
    }

    private static void notAboveFiled(String field, int value, int filed, Violations violations) {
        if (value > filed) {
            violations.error(ErrorCode.FIGURES_INCONSISTENT, "/figures/" + field,
                    field + " " + value + " 大于 unitsFiled " + filed, field + " " + value + " exceeds unitsFiled " + filed);
        }
    }

    private void attachment(Attachment attachment, String at, Violations violations) {
        String mediaType = attachment.mediaType().trim().toLowerCase(Locale.ROOT);
        boolean allowed = settings.allowedAttachmentTypes().stream().anyMatch(t -> t.equalsIgnoreCase(mediaType));
        if (!allowed) {
            violations.error(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, at + "/mediaType",
                    "允许的类型为 " + settings.allowedAttachmentTypes(),
                    "allowed types are " + settings.allowedAttachmentTypes());
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(attachment.contentBase64());
        } catch (IllegalArgumentException e) {
            violations.error(ErrorCode.ATTACHMENT_NOT_BASE64, at + "/contentBase64",
                    "须为 RFC 4648 标准 Base64（不含换行）", "expected RFC 4648 base64 without line breaks");
            return;
        }
        long limit = settings.maxAttachmentSize().toBytes();
        if (content.length > limit) {
            violations.error(ErrorCode.ATTACHMENT_TOO_LARGE, at + "/contentBase64",
                    "解码后 " + content.length + " 字节，上限 " + limit + " 字节",
                    content.length + " bytes decoded, limit " + limit + " bytes");
        }
        byte[] magic = MAGIC.get(mediaType);
        if (allowed && magic != null && !startsWith(content, magic)) {
            // a declared PDF that is not one may be an executable or script in disguise
            violations.error(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, at + "/contentBase64",
                    "内容不是声明的 " + mediaType + " 文件", "the content is not a " + mediaType + " file");
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
