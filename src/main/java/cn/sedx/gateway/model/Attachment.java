package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 附件: one file of a year-end report. {@link #toString()} gives the content's length, not the content.
 *
 * @param fileName      文件名
 * @param mediaType     媒体类型, e.g. {@code application/pdf}
 * @param contentBase64 文件内容, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(String fileName, String mediaType, String contentBase64) {

    @Override
    public String toString() {
        return "Attachment[fileName=" + fileName + ", mediaType=" + mediaType + ", contentBase64=<"
                + (contentBase64 == null ? 0 : contentBase64.length()) + " chars>]";
    }
}
