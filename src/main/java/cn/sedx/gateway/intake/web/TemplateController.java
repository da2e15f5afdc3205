package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import cn.sedx.gateway.intake.xlsx.TemplateWriter;
import cn.sedx.gateway.security.Caller;
import cn.sedx.gateway.security.Callers;
import cn.sedx.gateway.security.SystemRegistry;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Excel templates ({@code personnel-filing}, {@code safety-record}, {@code training-record}). A system's template
 * offers the regions of its jurisdiction; an operator's or auditor's all of them. Templates are written once per
 * template and jurisdiction and kept (they hold no personal data and do not change while the gateway runs).
 */
@RestController
class TemplateController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SystemRegistry systems;
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();

    TemplateController(SystemRegistry systems) {
        this.systems = systems;
    }

    @GetMapping("/api/v1/templates/{name}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String name) {
        SheetLayout layout = Layouts.byTemplate(name).orElseThrow(() -> new SedxException(ErrorCode.RESOURCE_NOT_FOUND,
                null, false, "no template", List.of(Violation.of(ErrorCode.RESOURCE_NOT_FOUND, "",
                        "模板为 personnel-filing、safety-record 或 training-record",
                        "the templates are personnel-filing, safety-record and training-record")), null));
        String jurisdiction = Callers.current().filter(Caller::isSystem)
                .flatMap(caller -> systems.find(caller.id())).map(system -> system.jurisdiction()).orElse("");
        byte[] body = written.computeIfAbsent(name + "@" + jurisdiction, key -> write(layout, jurisdiction));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx").build()
                        .toString())
                .body(body);
    }

    private static byte[] write(SheetLayout layout, String jurisdiction) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TemplateWriter.write(layout, jurisdiction, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
