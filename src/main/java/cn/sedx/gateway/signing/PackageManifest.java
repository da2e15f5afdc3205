package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What a manifest says about its package, besides the entries: written by
 * {@link ExchangePackageWriter}, returned by {@link ExchangePackageVerifier}.
 *
 * @param messageId the message's id for life
 * @param type the message type
 * @param sender the sending organisation
 * @param mainRecipients 主送: at least one
 * @param copyRecipients 抄送: possibly empty
 * @param createdAt creation (and signing) time; kept to the millisecond
 * @param document the official-document (公文) block, or null for a data package
 */
public record PackageManifest(
        String messageId,
        MessageType type,
        Party sender,
        List<String> mainRecipients,
        List<String> copyRecipients,
        Instant createdAt,
        OfficialDocument document) {

    public PackageManifest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        mainRecipients = List.copyOf(mainRecipients);
        if (mainRecipients.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one main recipient (主送)");
        }
        copyRecipients = copyRecipients == null ? List.of() : List.copyOf(copyRecipients);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The sending organisation.
     *
     * @param name organisation name
     * @param uscc 统一社会信用代码
     * @param regionCode 行政区划代码, six digits
     */
    public record Party(String name, String uscc, String regionCode) {
        public Party {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uscc, "uscc");
            Objects.requireNonNull(regionCode, "regionCode");
        }
    }

    /**
     * The 公文 elements a document-exchange package carries.
     *
     * @param issuingAuthority 发文机关
     * @param documentNumber 发文字号, e.g. 粤市监特〔2023〕12号
     * @param title 标题
     * @param mainRecipients 主送机关: at least one
     * @param copyRecipients 抄送机关: possibly empty
     * @param dateWritten 成文日期
     * @param urgency 紧急程度: 特急, 加急, or null for an ordinary document
     * @param version 1, or more when a returned document is sent again
     * @param previousMessageId the message this version replaces, or null
     */
    public record OfficialDocument(
            String issuingAuthority,
            String documentNumber,
            String title,
            List<String> mainRecipients,
            List<String> copyRecipients,
            LocalDate dateWritten,
            String urgency,
            int version,
            String previousMessageId) {

        public OfficialDocument {
            Objects.requireNonNull(issuingAuthority, "issuingAuthority");
            Objects.requireNonNull(documentNumber, "documentNumber");
            Objects.requireNonNull(title, "title");
            mainRecipients = List.copyOf(mainRecipients);
            copyRecipients = copyRecipients == null ? List.of() : List.copyOf(copyRecipients);
            Objects.requireNonNull(dateWritten, "dateWritten");
            if (version < 1) {
                throw new IllegalArgumentException("version starts at 1");
            }
        }
    }
}
