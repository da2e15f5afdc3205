package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.batch.BatchUpload;
import cn.sedx.gateway.intake.batch.BatchUploads;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Batch files over HTTP: a system uploads an xlsx, csv, jsonl or xml file ({@code 202} with the batch id once the
 * file is stored), then follows the batch's progress and, when it is done, downloads its reports. Operators and
 * auditors see every batch's status; the reports (the submitting system's own data, unmasked) go to that system
 * only.
 */
@RestController
@RequestMapping(path = "/api/v1/batches")
class BatchController {

    private final BatchUploads uploads;

    BatchController(BatchUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchView> upload(@RequestPart("file") MultipartFile file,
            @RequestHeader(name = SubmissionController.IDEMPOTENCY_KEY, required = false) String key)
            throws IOException {
        SubmissionController.checkKey(key);
        String system = SubmissionController.submitter(null);
        BatchUploads.Accepted accepted;
        try (InputStream content = file.getInputStream()) {
            accepted = uploads.accept(system, key, file.getOriginalFilename(), content);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/batches/" + accepted.batch().id()))
                .body(BatchView.of(accepted.batch()));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    BatchView status(@PathVariable String id) {
        return BatchView.of(uploads.find(id, ownSystem().orElse(null)).orElseThrow(() -> notFound(id)));
    }

    @GetMapping("/{id}/reports/{name}")
    ResponseEntity<Resource> report(@PathVariable String id, @PathVariable String name) {
        String system = ownSystem().orElseThrow(() -> SedxException.refused(ErrorCode.FORBIDDEN,
                "reports are the submitting system's", List.of(Violation.of(ErrorCode.FORBIDDEN, "",
                        "批次报告含报送系统的个人信息，仅提供给该系统", "a batch's reports hold the submitting system's personal data and "
                                + "go to that system only"))));
        Path file = uploads.report(id, system, name).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType(name)))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(new FileSystemResource(file));
    }

    private static String mediaType(String name) {
        if (name.endsWith(".xlsx")) {
            return TemplateController.XLSX;
        }
        return name.endsWith(".csv") ? "text/csv;charset=UTF-8" : MediaType.APPLICATION_JSON_VALUE;
    }

    private static Optional<String> ownSystem() {
        return Callers.current().filter(Caller::isSystem).map(Caller::id);
    }

    private static SedxException notFound(String id) {
        return SedxException.refused(ErrorCode.RESOURCE_NOT_FOUND, "no batch",
                List.of(Violation.of(ErrorCode.RESOURCE_NOT_FOUND, "", "没有这个批次或报告", "no such batch or report")));
    }

    /** The status resource of a batch, with links to its reports once it is done. */
    record BatchView(String batchId, String submittingSystem, String fileName, String format, String sha256,
            long sizeBytes, String state, long records, long accepted, long refused, long repeated, String outcome,
            String failure, java.time.Instant createdAt, java.time.Instant startedAt, java.time.Instant finishedAt,
            Map<String, String> links) {

        static BatchView of(BatchUpload batch) {
            Map<String, String> links = new LinkedHashMap<>();
            String self = "/api/v1/batches/" + batch.id();
            links.put("self", self);
            for (String report : batch.reports()) {
                links.put(kind(report), self + "/reports/" + report);
            }
            return new BatchView(batch.id(), batch.submittingSystem(), batch.fileName(), batch.format(), batch.sha256(),
                    batch.sizeBytes(), batch.state(), batch.records(), batch.accepted(), batch.refused(),
                    batch.repeated(), batch.outcome(), batch.failure(), batch.createdAt(), batch.startedAt(),
                    batch.finishedAt(), links);
        }

        private static String kind(String report) {
            if (report.endsWith(".errors.xlsx")) {
                return "errorWorkbook";
            }
            if (report.endsWith(".errors.json")) {
                return "errorsJson";
            }
            return report.endsWith(".errors.csv") ? "errorsCsv" : "summary";
        }
    }
}
