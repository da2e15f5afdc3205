package cn.sedx.gateway.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the gateway's extensions: the stable
 * {@code code}, the {@code messageId} it concerns, and every violation found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type, String title, int status, String detail, String code, String messageId, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, int status, String messageId, List<Violation> violations) {
        return new Problem(URI.create("urn:sedx:problem:" + code.name().toLowerCase().replace('_', '-')),
                code.messageZh() + " / " + code.messageEn(), status,
                violations.isEmpty() ? code.messageEn() : violations.size() + " violation(s)", code.name(), messageId,
                violations.isEmpty() ? List.of(Violation.of(code, "")) : violations);
    }

    /** The HTTP status a refusal with this code answers. */
    public static int statusOf(ErrorCode code) {
        return switch (code) {
            case MALFORMED_JSON, MALFORMED_XML, NESTING_TOO_DEEP, REQUEST_REFUSED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN, OUT_OF_JURISDICTION -> 403;
            case MESSAGE_NOT_FOUND, RESOURCE_NOT_FOUND, ORDER_NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case IDEMPOTENCY_KEY_CONFLICT, UPLOAD_ALREADY_RUNNING, ORDER_NUMBER_TAKEN, ORDER_STATE_CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case INTERNAL_ERROR -> 500;
            case DESTINATION_UNAVAILABLE, SIGNING_KEY_UNAVAILABLE, STORE_UNAVAILABLE -> 503;
            default -> 422;
        };
    }
}
