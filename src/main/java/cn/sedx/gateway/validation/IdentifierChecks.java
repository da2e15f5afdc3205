package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.PersonalDataMask;
import java.time.Clock;
import java.time.LocalDate;

/** Reports identifier and date violations at a pointer, with details that never show a full ID or mobile number. */
final class IdentifierChecks {

    private final Clock clock;

    IdentifierChecks(Clock clock) {
        this.clock = clock;
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
