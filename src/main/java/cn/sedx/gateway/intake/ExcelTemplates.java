package cn.sedx.gateway.intake;

import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.SheetLayout;
import cn.sedx.gateway.intake.xlsx.TemplateWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Excel templates of the batch intake (填报模板: {@code personnel-filing}, {@code safety-record},
 * {@code training-record}), for the API and the console. A template offers the regions of a jurisdiction (all of
 * them for the empty one); each is written once per template and jurisdiction and kept (they hold no personal data
 * and do not change while the gateway runs).
 */
@Component
public class ExcelTemplates {

    /** The media type of a workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * One template as offered.
     *
     * @param name    the name in its URL ({@code <name>.xlsx})
     * @param titleZh what it is for, in Chinese
     * @param titleEn the same in English
     */
    public record Template(String name, String titleZh, String titleEn) {}

    private final Map<String, byte[]> written = new ConcurrentHashMap<>();

    /** Every template, in the order they are offered. */
    public List<Template> all() {
        return Layouts.all().stream().map(l -> new Template(l.template(), l.sheetName(), l.titleEn())).toList();
    }

    /** The workbook of template {@code name} offering the regions of {@code jurisdiction}, or empty for no such name. */
    public Optional<byte[]> workbook(String name, String jurisdiction) {
        return Layouts.byTemplate(name).map(layout -> written.computeIfAbsent(name + "@" + jurisdiction,
                key -> write(layout, jurisdiction)));
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
