package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Attachment;
import cn.sedx.gateway.shared.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of attached files (a year-end report's, rectification evidence, an agency's report): allowed media type,
 * RFC 4648 base64, decoded size, and content that is what it claims to be.
 */
final class AttachmentRules {

    /** Leading bytes of the formats the gateway knows: PDF, and OFD (a ZIP container, GB/T 33190). */
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "application/ofd", new byte[] {'P', 'K', 3, 4});

    private final ValidationSettings settings;

    AttachmentRules(ValidationSettings settings) {
        this.settings = settings;
    }

    /** Checks each attachment of {@code attachments} (null: none) at {@code base + "/" + i}. */
    void check(List<Attachment> attachments, String base, Violations violations) {
        if (attachments == null) {
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            check(attachments.get(i), base + "/" + i, violations);
        }
    }

    private void check(Attachment attachment, String at, Violations violations) {
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
