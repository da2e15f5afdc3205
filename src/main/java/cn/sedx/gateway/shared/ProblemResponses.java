package cn.sedx.gateway.shared;

import com.fasterxml.jackson.core.JsonParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a REST call into a problem body; a client never sees a stack trace. Spring MVC's own
 * failures arrive through {@link ResponseEntityExceptionHandler} and answer with the gateway's code for them.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(SedxException.class)
    ResponseEntity<Object> refused(SedxException e) {
        return Problems.response(e.code(), e.messageId(), e.violations());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (StoreOutage.isCause(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected failure answering a REST call", e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, null, List.of());
    }

    /**
     * The database cannot be reached (down, restarting, failing over to its standby, or no pooled connection came
     * within the pool's timeout): 503 with {@code Retry-After}, never a 202, since nothing could be stored.
     */
    private static ResponseEntity<Object> storeUnavailable(Exception e) {
        log.warn("answered 503: the database is unavailable ({})", e.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(StoreOutage.RETRY_AFTER_SECONDS));
        return Problems.response(ErrorCode.STORE_UNAVAILABLE, null, List.of(), headers);
    }

    /**
     * A method the path does not take: 405 with {@code Allow}, as every other refusal of Spring MVC's, but not logged
     * (Spring's handler writes a WARN line naming the request's method for each one, which a client can repeat at will).
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, null, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, List.of(Violation.of(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "", "须为 " + m.getSupportedMediaTypes(),
                    "expected " + m.getSupportedMediaTypes())), headers);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, List.of());
        }
        if (e instanceof TypeMismatchException m) {
            return badParameter(m instanceof MethodArgumentTypeMismatchException a ? a.getName() : m.getPropertyName());
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return badParameter(m.getParameterName());
        }
        if (e instanceof HttpMessageNotReadableException m) {
            return unreadable(m);
        }
        return Problems.response(Problems.codeFor(status.value()), null, List.of(), headers);
    }

    private static ResponseEntity<Object> badParameter(String name) {
        return Problems.response(ErrorCode.SCHEMA_VIOLATION, null, List.of(Violation.of(ErrorCode.SCHEMA_VIOLATION,
                name, "查询参数 " + name + " 无效", "query parameter " + name + " is invalid")));
    }

    /**
     * A body Jackson could not read, as JSON or as the request's type: 400, and none of the parser's text (it quotes
     * the input) reaches the client or the log.
     */
    private static ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        boolean notJson = e.getCause() instanceof JsonParseException;
        log.info("refused an unreadable request body: {}", notJson ? "not JSON" : "JSON of the wrong shape");
        return Problems.response(ErrorCode.MALFORMED_JSON, null, List.of(Violation.of(ErrorCode.MALFORMED_JSON, "",
                notJson ? "无法解析" : "结构或类型不符合本接口", notJson ? "cannot be parsed" : "not of this request's shape")));
    }
}
