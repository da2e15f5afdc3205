package cn.sedx.gateway.shared;

import java.util.Objects;

/**
 * One thing wrong with an input: its code, where it is (a JSON pointer such as
 * {@code /persons/0/idNumber}; an empty string means the whole document), and what is wrong, in
 * Chinese and in English.
 */
public record Violation(ErrorCode code, String pointer, String messageZh, String messageEn) {

    public Violation {
        Objects.requireNonNull(code, "code");
        pointer = pointer == null ? "" : pointer;
        messageZh = messageZh == null ? code.messageZh() : messageZh;
        messageEn = messageEn == null ? code.messageEn() : messageEn;
    }

    /** A violation with the code's default messages. */
    public static Violation of(ErrorCode code, String pointer) {
        return new Violation(code, pointer, code.messageZh(), code.messageEn());
    }

    /** A violation whose messages add a detail (already free of personal data) to the code's defaults. */
    public static Violation of(ErrorCode code, String pointer, String detailZh, String detailEn) {
        return new Violation(code, pointer, code.messageZh() + "：" + detailZh, code.messageEn() + ": " + detailEn);
    }
}
