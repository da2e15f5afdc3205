package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.batch.BatchUploadSettings;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Problems;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Problem bodies for multipart failures, which the servlet container raises before any controller runs: a file over
 * {@code sedx.batch-uploads.max-upload-size} (413), a request without its {@code file} part or not multipart (422).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final BatchUploadSettings settings;

    UploadProblems(BatchUploadSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
        long limit = settings.maxUploadSize().toBytes();
        return respond(ErrorCode.PAYLOAD_TOO_LARGE, Violation.of(ErrorCode.PAYLOAD_TOO_LARGE, "/file",
                "上限 " + limit + " 字节", "limit " + limit + " bytes"));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<Object> noFile(Exception e) {
        return respond(ErrorCode.SCHEMA_VIOLATION, Violation.of(ErrorCode.SCHEMA_VIOLATION, "/file",
                "须以 multipart/form-data 上传，文件放在 file 部分", "upload as multipart/form-data with the file in part file"));
    }

    private static ResponseEntity<Object> respond(ErrorCode code, Violation violation) {
        return Problems.response(code, null, List.of(violation));
    }
}
