package cn.sedx.gateway.intake.soap;

import java.util.Map;

/**
 * Turns the JSON pointers of the canonical model into XPaths of the SOAP request, from the
 * envelope, with the prefix {@code soap} bound to the request's SOAP namespace and {@code sub} to
 * {@link #NAMESPACE}. A JSON array is a repeated
 * element of the same name, so {@code /persons/1/idNumber} in SubmitPersonnelFiling is
 * {@code /soap:Envelope/soap:Body/sub:SubmitPersonnelFiling/sub:filing/sub:persons[2]/sub:idNumber}.
 */
public final class SoapXPaths {

    /** The namespace of the SOAP contract (schemas/submission.wsdl). */
    public static final String NAMESPACE = "http://sedx.cn/ws/submission/1";

    /** The XPath of the idempotency key header. */
    public static final String IDEMPOTENCY_KEY = "/soap:Envelope/soap:Header/sub:IdempotencyKey";

    /** The XPath of the WS-Security header. */
    public static final String SECURITY = "/soap:Envelope/soap:Header/wsse:Security";

    private static final String BODY = "/soap:Envelope/soap:Body";
    private static final Map<String, String> ROOTS = Map.of(
            "SubmitPersonnelFiling", BODY + "/sub:SubmitPersonnelFiling/sub:filing",
            "SubmitSafetyRecord", BODY + "/sub:SubmitSafetyRecord/sub:record",
            "SubmitYearEndReport", BODY + "/sub:SubmitYearEndReport/sub:report",
            "GetMessageStatus", BODY + "/sub:GetMessageStatus/sub:messageId");

    private SoapXPaths() {}

    /**
     * The XPath of the element a pointer names in the request of {@code operation}.
     *
     * @param operation the operation's local name, or null when unknown (then the path starts at the body)
     * @param pointer   a JSON pointer; empty names the whole filing
     */
    public static String of(String operation, String pointer) {
        String root = operation == null ? BODY : ROOTS.getOrDefault(operation, BODY);
        return root + relative(pointer, "sub:");
    }

    /** The path of a pointer below some element, e.g. {@code /persons[2]/idNumber} with an empty prefix. */
    public static String relative(String pointer, String prefix) {
        if (pointer == null || pointer.isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && !path.isEmpty()) {
                path.append('[').append(Long.parseLong(segment) + 1).append(']');
            } else {
                path.append('/').append(prefix).append(segment);
            }
        }
        return path.toString();
    }
}
