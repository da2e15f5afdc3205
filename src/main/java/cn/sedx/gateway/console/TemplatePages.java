package cn.sedx.gateway.console;

import cn.sedx.gateway.intake.ExcelTemplates;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Excel templates (填报模板) for clerks: the page lists them, a link downloads one offering every region (an
 * operator hands it on; a system's own download through the API offers its jurisdiction's regions).
 */
@Controller
@ConsoleEnabled
class TemplatePages {

    private final ExcelTemplates templates;

    TemplatePages(ExcelTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/console/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "console/templates/templates";
    }

    @GetMapping("/console/templates/{name}.xlsx")
    ResponseEntity<byte[]> download(@PathVariable String name) {
        byte[] workbook = templates.workbook(name, "").orElseThrow(() -> SedxException.refused(
                ErrorCode.RESOURCE_NOT_FOUND, "no template", List.of(Violation.of(
                        ErrorCode.RESOURCE_NOT_FOUND, "", "没有这个模板", "there is no such template"))));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExcelTemplates.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".xlsx")
                        .build().toString())
                .body(workbook);
    }
}
