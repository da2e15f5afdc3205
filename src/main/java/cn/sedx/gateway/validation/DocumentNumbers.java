package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 发文字号 (GB/T 9704-2012 7.2.5): organisation abbreviation + year in full inside 六角括号 〔〕 + serial
 * number without leading zeros or 第 + 号, e.g. {@code 粤市监特〔2023〕12号}.
 */
final class DocumentNumbers {

    private static final Pattern SHAPE =
            Pattern.compile("[\\p{IsHan}A-Za-z0-9]{1,20}〔((?:19|20)[0-9]{2})〕[1-9][0-9]{0,5}号");

    private DocumentNumbers() {}

    /** {@link ErrorCode#DOCUMENT_NUMBER_FORMAT} unless the text has the shape above; empty when valid. */
    public static Optional<ErrorCode> check(String documentNumber) {
        return documentNumber != null && SHAPE.matcher(documentNumber).matches()
                ? Optional.empty()
                : Optional.of(ErrorCode.DOCUMENT_NUMBER_FORMAT);
    }

    /** The year written inside 〔〕 of a well-formed number ({@code 粤市监特〔2023〕12号} → 2023), or empty. */
    public static Optional<Integer> yearOf(String documentNumber) {
        Matcher matcher = documentNumber == null ? null : SHAPE.matcher(documentNumber);
        return matcher != null && matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
