package cn.sedx.gateway.validation;

import cn.sedx.gateway.shared.ErrorCode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting {@code 1[3-9]}, optionally preceded by {@code +86}. */
final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("(\\+86)?1[3-9][0-9]{9}");

    private MobileNumbers() {}

    /** {@link ErrorCode#MOBILE_INVALID} unless a mainland mobile number; empty when valid. */
    public static Optional<ErrorCode> check(String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches()
                ? Optional.empty()
                : Optional.of(ErrorCode.MOBILE_INVALID);
    }
}
