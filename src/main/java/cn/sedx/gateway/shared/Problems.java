package cn.sedx.gateway.shared;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem bodies ({@code application/problem+json}) as Spring's {@link ProblemDetail}, with the gateway's
 * properties: the stable {@code code}, the {@code messageId} it concerns (left out when none), and every violation
 * found (the code's own when none was listed). The status is the code's.
 */
public final class Problems {

    /** The media type of every problem body. */
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private Problems() {}

    /** The problem body of a refusal with {@code code}; {@code messageId} may be null. */
    public static ProblemDetail of(ErrorCode code, String messageId, List<Violation> violations) {
        return of(code, code.status(), messageId, violations);
    }

    /** As {@link #of(ErrorCode, String, List)} with another status than the code's (the container's error page). */
    static ProblemDetail of(ErrorCode code, int status, String messageId, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:sedx:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(code.messageZh() + " / " + code.messageEn());
        problem.setDetail(violations.isEmpty() ? code.messageEn() : violations.size() + " violation(s)");
        problem.setProperty("code", code.name());
        if (messageId != null) {
            problem.setProperty("messageId", messageId);
        }
        problem.setProperty("violations", violations.isEmpty() ? List.of(Violation.of(code, "")) : violations);
        return problem;
    }

    /** The response answering a refusal with {@code code}, in the code's status. */
    public static ResponseEntity<Object> response(ErrorCode code, String messageId, List<Violation> violations) {
        return response(code, messageId, violations, HttpHeaders.EMPTY);
    }

    static ResponseEntity<Object> response(
            ErrorCode code, String messageId, List<Violation> violations, HttpHeaders headers) {
        return ResponseEntity.status(code.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(of(code, messageId, violations));
    }

    /** The code a refusal with an HTTP status but no code of its own answers with (the container's, Spring MVC's). */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? ErrorCode.REQUEST_REFUSED : ErrorCode.INTERNAL_ERROR;
        };
    }
}
