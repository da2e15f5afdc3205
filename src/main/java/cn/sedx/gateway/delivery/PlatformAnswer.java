package cn.sedx.gateway.delivery;

import java.util.Locale;
import java.util.Map;

/**
 * A platform's HTTP answer.
 *
 * @param headers first value of each header, names lower-case
 */
record PlatformAnswer(int status, Map<String, String> headers, byte[] body) {

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
