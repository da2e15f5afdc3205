package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.IdType;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.PersonalDataMask;
import java.time.Clock;
import java.time.LocalDate;

/** Reports identifier and date violations at a pointer, with details that never show a full ID or mobile number. */
final class IdentifierChecks {

    private final Clock clock;
    private final boolean acceptBingtuan;
    private final RegionTable regions = RegionTable.standard();

    /** @param acceptBingtuan whether region prefix 66 (新疆生产建设兵团) is accepted for units */
    IdentifierChecks(Clock clock, boolean acceptBingtuan) {
        this.clock = clock;
        this.acceptBingtuan = acceptBingtuan;
    }

    void idNumber(String value, String pointer, Violations violations) {
        IdNumbers.check(value, clock).ifPresent(code -> violations.error(code, pointer,
                "身份号码 " + PersonalDataMask.idNumber(value), "ID number " + PersonalDataMask.idNumber(value)));
    }

    void uscc(String value, String pointer, Violations violations) {
        CreditCodes.check(value).ifPresent(code -> violations.error(code, pointer,
                "统一社会信用代码 " + value, "credit code " + value));
    }

    void regionCode(String value, String pointer, Violations violations) {
        RegionCodes.check(value).ifPresent(code -> violations.error(code, pointer,
                "须为 6 位数字且前两位为有效的省级代码：" + value,
                "expected 6 digits opening with a real province code: " + value));
    }

    /**
     * Checks a person's identity document: the number at {@code base + "/idNumber"} by its type, the nationality at
     * {@code base + "/nationality"}. Details show the number masked.
     */
    void identity(IdType type, String number, String nationality, String base, Violations violations) {
        IdType meant = IdType.orDefault(type);
        if (meant == IdType.RESIDENT_ID) {
            idNumber(number, base + "/idNumber", violations);
        } else {
            IdentityDocuments.check(meant, number, clock).ifPresent(code -> violations.error(code, base + "/idNumber",
                    meant.label() + "号码 " + meant.mask(number), meant + " number " + meant.mask(number)));
        }
        IdentityDocuments.checkNationality(meant, nationality).ifPresent(code -> violations.error(code,
                base + "/nationality", nationality == null ? "护照须填写国籍" : "不是 ISO 3166-1 三位字母代码：" + nationality,
                nationality == null ? "a passport needs the nationality" : "not an ISO 3166-1 alpha-3 code: " + nationality));
    }

    /**
     * Checks where a unit or an authority is: GB/T 2260 shape and province, not Taiwan, Hong Kong or Macao, and
     * listed in the table (else only a REGION_CODE_UNKNOWN warning).
     */
    void location(String value, String pointer, Violations violations) {
        RegionCodes.checkLocation(value, regions, acceptBingtuan).ifPresent(code -> {
            switch (code) {
                case REGION_CODE_UNKNOWN -> violations.warning(code, pointer,
                        "GB/T 2260 代码表中无 " + value + "，请核对", value + " is not in the GB/T 2260 table");
                case REGION_OUTSIDE_SUPERVISION -> violations.error(code, pointer,
                        value + " 不在市场监管总局特种设备监管范围内", value + " is outside SAMR's supervision");
                default -> regionCode(value, pointer, violations);
            }
        });
    }

    void mobile(String value, String pointer, Violations violations) {
        MobileNumbers.check(value).ifPresent(code -> violations.error(code, pointer,
                "须为 11 位大陆手机号码（可加 +86）：" + PersonalDataMask.mobile(value),
                "expected an 11-digit mainland mobile number, optionally +86: " + PersonalDataMask.mobile(value)));
    }

    /** A DATE_IN_FUTURE error when the date lies after today (Beijing time). */
    void notFuture(LocalDate date, String pointer, String nameZh, String nameEn, Violations violations) {
        if (Dates.isFuture(date, clock)) {
            violations.error(ErrorCode.DATE_IN_FUTURE, pointer,
                    nameZh + " " + date + " 晚于今天 " + Dates.today(clock),
                    nameEn + " " + date + " is after today, " + Dates.today(clock));
        }
    }

    Clock clock() {
        return clock;
    }
}
