package cn.sedx.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.xlsx.Layouts;
import cn.sedx.gateway.intake.xlsx.XlsxSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Hostile workbooks: a zip bomb, a shared-strings table over the limit, a file that is no workbook at all. */
class XlsxLimitsTests {

    @TempDir
    Path inbox;

    private final ValidatingSink sink = new ValidatingSink();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesAZipBombBeforeInflatingIt() throws IOException {
        Path good = Workbooks.write(inbox.resolve("good.xlsx"), Layouts.PERSONNEL_FILING, Workbooks.validUseUnit("F-1"));
        // 16 MB of blanks inside the sheet's XML deflate to about 16 KB: a ratio of 0.001, below the 0.01 limit
        Path bomb = rewriteSheet(good, inbox.resolve("gd-province/bomb.xlsx"), 16 << 20);

        BatchSummary summary = intake(XlsxSettings.defaults()).process(bomb, "gd-province");

        assertThat(summary.accepted()).isZero();
        assertThat(codes(bomb)).containsExactly("XLSX_ZIP_BOMB");
        assertThat(bomb.resolveSibling("failed/bomb.xlsx.errors.xlsx")).exists();
    }

    @Test
    void refusesASharedStringsTableOverTheLimit() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(Workbooks.row("filingNumber", "F-" + i, "unit.name", "单位名称" + Integer.toHexString(i * 7919)
                    + "-" + java.util.UUID.randomUUID()));
        }
        Path file = Workbooks.write(inbox.resolve("gd-province/strings.xlsx"), Layouts.PERSONNEL_FILING, rows);
        XlsxSettings small = new XlsxSettings(0.01, DataSize.ofMegabytes(256), DataSize.ofMegabytes(16),
                DataSize.ofKilobytes(64), DataSize.ofMegabytes(4), 1_048_576, 32_767, 10_000, 2_000_000, 100);

        BatchSummary summary = intake(small).process(file, "gd-province");

        assertThat(summary.records()).isEqualTo(1);
        assertThat(codes(file)).containsExactly("XLSX_SHARED_STRINGS_TOO_LARGE");
    }

    @Test
    void refusesAFileThatIsNoWorkbook() throws IOException {
        Path file = Files.createDirectories(inbox.resolve("gd-province")).resolve("text.xlsx");
        Files.writeString(file, "填报编号,姓名\nF-1,王芳\n");

        BatchSummary summary = intake(XlsxSettings.defaults()).process(file, "gd-province");

        assertThat(summary.outcome()).isEqualTo("failed");
        assertThat(codes(file)).containsExactly("XLSX_UNREADABLE");
    }

    @Test
    void refusesASheetWithADoctypeWithoutReadingItsExternalEntity() throws IOException {
        Path secret = Files.writeString(inbox.resolve("secret.txt"), "SECRET-FROM-THE-GATEWAY-DISK");
        Path good = Workbooks.write(inbox.resolve("good.xlsx"), Layouts.PERSONNEL_FILING, Workbooks.validUseUnit("F-1"));
        Path xxe = rewriteSheet(good, inbox.resolve("gd-province/xxe.xlsx"), (xml, out) -> {
            int prolog = xml.indexOf("?>") + 2;
            int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
            out.write((xml.substring(0, prolog) + "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"" + secret.toUri()
                    + "\">]>" + xml.substring(prolog, data) + "&secret;" + xml.substring(data))
                    .getBytes(StandardCharsets.UTF_8));
        });

        BatchSummary summary = intake(XlsxSettings.defaults()).process(xxe, "gd-province");

        assertThat(summary.accepted()).isZero();
        assertThat(codes(xxe)).containsExactly("XLSX_UNREADABLE");
        for (String report : summary.reports()) {
            assertThat(Files.readAllBytes(xxe.resolveSibling("failed/" + report)))
                    .asString(StandardCharsets.ISO_8859_1).doesNotContain("SECRET-FROM");
        }
    }

    private BatchIntake intake(XlsxSettings xlsx) {
        return new BatchIntake(sink, new BatchSettings(true, inbox, java.time.Duration.ofSeconds(2),
                DataSize.ofMegabytes(12), 10_000, Map.of()), xlsx);
    }

    private List<String> codes(Path file) throws IOException {
        JsonNode errors = json.readTree(file.resolveSibling("failed/" + file.getFileName() + ".errors.json").toFile());
        return errors.findValuesAsText("code");
    }

    /** A copy of {@code workbook} whose first sheet carries {@code blanks} spaces before its end. */
    static Path rewriteSheet(Path workbook, Path target, int blanks) throws IOException {
        return rewriteSheet(workbook, target, (xml, out) -> {
            int end = xml.indexOf("</sheetData>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < blanks / spaces.length; i++) {
                out.write(spaces);
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Writes a sheet's XML, changed, into the copy of a workbook. */
    @FunctionalInterface
    interface SheetRewrite {
        void write(String xml, OutputStream out) throws IOException;
    }

    /** A copy of {@code workbook} whose first sheet is written by {@code rewrite}. */
    static Path rewriteSheet(Path workbook, Path target, SheetRewrite rewrite) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    rewrite.write(new String(in.readAllBytes(), StandardCharsets.UTF_8), out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
