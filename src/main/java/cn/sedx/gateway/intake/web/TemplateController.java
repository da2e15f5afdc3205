package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.ExcelTemplates;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Excel templates ({@code personnel-filing}, {@code safety-record}, {@code training-record}). A system's template
 * offers the regions of its jurisdiction; an operator's or auditor's all of them.
 */
@RestController
class TemplateController {

    static final String XLSX = ExcelTemplates.MEDIA_TYPE;

    private final SystemRegistry systems;
    private final ExcelTemplates templates;

    TemplateController(SystemRegistry systems, ExcelTemplates templates) {
        this.systems = systems;
        this.templates = templates;
    }

    @GetMapping("/api/v1/templates/{name}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String name) {
        String jurisdiction = Callers.current().filter(Caller::isSystem)
                .flatMap(caller -> systems.find(caller.id())).map(system -> system.jurisdiction()).orElse("");
        byte[] body = templates.workbook(name, jurisdiction).orElseThrow(() -> SedxException.refused(
                ErrorCode.RESOURCE_NOT_FOUND, "no template", List.of(Violation.of(
                        ErrorCode.RESOURCE_NOT_FOUND, "", "模板为 personnel-filing、safety-record 或 training-record",
                        "the templates are personnel-filing, safety-record and training-record"))));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx").build()
                        .toString())
                .body(body);
    }
}
