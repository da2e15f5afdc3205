package cn.sedx.gateway.shared;

import com.fasterxml.jackson.core.JsonParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a REST call into a problem body; a client never sees a stack trace. */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(SedxException.class)
    ResponseEntity<Problem> refused(SedxException e) {
        return respond(e.code(), e.messageId(), e.violations());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, List.of(Violation.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "", "须为 " + e.getSupportedMediaTypes(), "expected " + e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Problem> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return respond(ErrorCode.SCHEMA_VIOLATION, null, List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION, name,
                "查询参数 " + name + " 无效", "query parameter " + name + " is invalid")));
    }

    /**
     * A body Jackson could not read, as JSON or as the request's type: 400, and none of the parser's text (it quotes
     * the input) reaches the client or the log.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        boolean notJson = e.getCause() instanceof JsonParseException;
        log.info("refused an unreadable request body: {}", notJson ? "not JSON" : "JSON of the wrong shape");
        return respond(ErrorCode.MALFORMED_JSON, null, List.of(Violation.of(ErrorCode.MALFORMED_JSON, "",
                notJson ? "无法解析" : "结构或类型不符合本接口", notJson ? "cannot be parsed" : "not of this request's shape")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> notFound(NoResourceFoundException e) {
        return respond(ErrorCode.RESOURCE_NOT_FOUND, null, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, null, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e) {
        if (StoreOutage.isCause(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected failure answering a REST call", e);
        return respond(ErrorCode.INTERNAL_ERROR, null, List.of());
    }

    /**
     * The database cannot be reached (down, restarting, failing over to its standby, or no pooled connection came
     * within the pool's timeout): 503 with {@code Retry-After}, never a 202, since nothing could be stored.
     */
    private ResponseEntity<Problem> storeUnavailable(Exception e) {
        log.warn("answered 503: the database is unavailable ({})", e.getClass().getSimpleName());
        int status = Problem.statusOf(ErrorCode.STORE_UNAVAILABLE);
        return ResponseEntity.status(status)
                .header("Retry-After", String.valueOf(StoreOutage.RETRY_AFTER_SECONDS))
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.of(ErrorCode.STORE_UNAVAILABLE, status, null, List.of()));
    }

    static ResponseEntity<Problem> respond(ErrorCode code, String messageId, List<Violation> violations) {
        int status = Problem.statusOf(code);
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.of(code, status, messageId, violations));
    }
}
