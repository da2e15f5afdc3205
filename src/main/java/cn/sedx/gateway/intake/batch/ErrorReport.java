package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The error report of one batch file, written as errors are found (never held in memory):
 * {@code <name>.errors.json} (an array of {record, field, code, messageZh, messageEn}) and
 * {@code <name>.errors.csv} (the same, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese).
 * Both files are created only when there is a first error.
 */
final class ErrorReport implements AutoCloseable {

    private final Path json;
    private final Path csv;
    private JsonGenerator jsonOut;
    private Writer csvOut;
    private long count;
    private final java.util.List<Path> attached = new java.util.ArrayList<>();

    ErrorReport(Path folder, String fileName) {
        this.json = folder.resolve(fileName + ".errors.json");
        this.csv = folder.resolve(fileName + ".errors.csv");
    }

    /** Adds one error at the given place. */
    void add(BatchRecord.Location where, Violation violation) throws IOException {
        if (jsonOut == null) {
            open();
        }
        count++;
        jsonOut.writeStartObject();
        jsonOut.writeNumberField("record", where.record());
        jsonOut.writeStringField("field", where.field());
        jsonOut.writeStringField("code", violation.code().name());
        jsonOut.writeStringField("messageZh", violation.messageZh());
        jsonOut.writeStringField("messageEn", violation.messageEn());
        jsonOut.writeEndObject();
        csvOut.write(where.record() + "," + cell(where.field()) + "," + violation.code().name() + ","
                + cell(violation.messageZh()) + "," + cell(violation.messageEn()) + "\r\n");
    }

    long count() {
        return count;
    }

    /** The report files (JSON first, then CSV, then any attached), empty when there was no error. */
    java.util.List<Path> files() {
        if (count == 0) {
            return java.util.List.of();
        }
        java.util.List<Path> files = new java.util.ArrayList<>(java.util.List.of(json, csv));
        files.addAll(attached);
        return files;
    }

    /** Adds a report written from this one (the marked copy of a workbook) to the files moved beside it. */
    void attach(Path report) {
        attached.add(report);
    }

    private void open() throws IOException {
        Files.createDirectories(json.getParent());
        jsonOut = new JsonFactory().createGenerator(json.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        jsonOut.writeStartArray();
        csvOut = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8));
        csvOut.write('\uFEFF');
        csvOut.write("记录号 record,字段 field,错误代码 code,错误信息 message (zh),message (en)\r\n");
    }

    // a cell starting with = + - @ is prefixed so a spreadsheet never evaluates it as a formula
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        if (jsonOut != null && !jsonOut.isClosed()) {
            jsonOut.writeEndArray();
            jsonOut.close();
            csvOut.close();
        }
    }
}
