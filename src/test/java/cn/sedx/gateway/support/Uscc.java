package cn.sedx.gateway.support;

/** Test helper: a GB 32100 credit code moved to another region, with its check character recomputed. */
public final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {}

    public static String withRegion(String uscc, String regionCode) {
        String body = uscc.substring(0, 2) + regionCode + uscc.substring(8, 17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A valid credit code of a company (91) registered in {@code regionCode}, the {@code n}-th of a series. */
    public static String numbered(String regionCode, int n) {
        return withRegion("91" + regionCode + "MA5" + String.format("%06d", n) + "0", regionCode);
    }
}
