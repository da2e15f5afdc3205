package cn.sedx.gateway.model;

import cn.sedx.gateway.shared.PersonalDataMask;

/**
 * 证件类型: the identity document a person's {@code idNumber} belongs to. Absent in a filing means
 * {@link #RESIDENT_ID}, so filings written before the field existed keep their meaning.
 */
public enum IdType {
    /** 居民身份证 (公民身份号码, GB 11643): 18 characters with a check character. */
    RESIDENT_ID("居民身份证", true),
    /** 外国人永久居留身份证: the 2023 form (18 characters opening 9, GB 11643 check) or the older 15-character one. */
    FOREIGNER_PERMANENT_RESIDENT("外国人永久居留身份证", true),
    /** 港澳台居民居住证: GB 11643 structure with region 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan). */
    HMT_RESIDENCE_PERMIT("港澳台居民居住证", true),
    /** 港澳居民来往内地通行证: H or M and 8 digits (newer cards 10 digits). */
    HK_MACAO_PERMIT("港澳居民来往内地通行证", false),
    /** 台湾居民来往大陆通行证: 8 digits. */
    TAIWAN_PERMIT("台湾居民来往大陆通行证", false),
    /** 护照, with the holder's nationality (ISO 3166-1 alpha-3). */
    PASSPORT("护照", false);

    private final String label;
    private final boolean idNumberShaped;

    IdType(String label, boolean idNumberShaped) {
        this.label = label;
        this.idNumberShaped = idNumberShaped;
    }

    /** The document's Chinese name. */
    public String label() {
        return label;
    }

    /** The type a filing means by {@code type}: {@link #RESIDENT_ID} when it names none. */
    public static IdType orDefault(IdType type) {
        return type == null ? RESIDENT_ID : type;
    }

    /**
     * The number masked for a log line, an audit entry or a view: an 18-character number shaped like an ID number
     * keeps its first 6 and last 4 characters ({@code 110105********002X}); any other keeps at most its first and
     * last two. Null stays null.
     */
    public String mask(String number) {
        return idNumberShaped && number != null && number.length() == 18
                ? PersonalDataMask.idNumber(number)
                : PersonalDataMask.documentNumber(number);
    }
}
