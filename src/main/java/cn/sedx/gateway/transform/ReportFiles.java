package cn.sedx.gateway.transform;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The files of a message (a year-end report's, rectification evidence, an agency's report) and a report's recipients,
 * as an exchange package carries them.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /**
     * One decoded attachment.
     *
     * @param name      the package entry name (the attachment's file name)
     * @param mediaType its media type
     * @param content   its bytes
     */
    public record File(String name, String mediaType, byte[] content) {}

    /**
     * The decoded attachments of a report, in order.
     *
     * @throws TransformException TRANSFORM_FAILED for content that is not base64
     */
    public static List<File> attachments(String messageId, JsonNode report) {
        List<File> files = new ArrayList<>();
        for (JsonNode attachment : report.path("attachments")) {
            try {
                files.add(new File(attachment.path("fileName").asText(), attachment.path("mediaType").asText(),
                        Base64.getDecoder().decode(attachment.path("contentBase64").asText())));
            } catch (IllegalArgumentException e) {
                throw new TransformException(ErrorCode.TRANSFORM_FAILED, messageId,
                        "attachment " + attachment.path("fileName").asText() + " is not base64", e);
            }
        }
        return files;
    }

    /**
     * The object of a message's canonical JSON that holds its {@code attachments}: the report itself, an agency's
     * report, a rectification's evidence; a missing node (no files) for other types.
     */
    public static JsonNode filesHolder(MessageType type, JsonNode canonical) {
        return switch (type) {
            case YEAR_END_REPORT, AGENCY_REPORT -> canonical;
            case RECTIFICATION_ORDER_CHANGE -> canonical.path("rectification");
            default -> MissingNode.getInstance();
        };
    }

    /** 主送: the report's main recipients, or SAMR's Special Equipment Bureau when it names none. */
    public static List<String> mainRecipients(JsonNode report) {
        List<String> recipients = new ArrayList<>();
        report.path("mainRecipients").forEach(r -> recipients.add(r.asText()));
        return recipients.isEmpty() ? List.of(NationalContent.DEFAULT_MAIN_RECIPIENT) : recipients;
    }

    /** 抄送: the report's copy recipients, possibly none. */
    public static List<String> copyRecipients(JsonNode report) {
        List<String> recipients = new ArrayList<>();
        report.path("copyRecipients").forEach(r -> recipients.add(r.asText()));
        return recipients;
    }
}
