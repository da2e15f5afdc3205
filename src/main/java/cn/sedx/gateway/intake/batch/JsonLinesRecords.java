package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * JSON Lines: one record per line, {@code {"type": "PERSONNEL_FILING", "filing": {…canonical JSON…}}}. Blank
 * lines are skipped; the record number is the line number.
 */
final class JsonLinesRecords extends LookAheadRecords {

    /** The types a batch file may carry: every submitted one (not the gateway's own PERSONNEL_BATCH). */
    private static final Set<MessageType> SUBMITTED = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(MessageType.PERSONNEL_BATCH)));

    private final ObjectMapper mapper;
    private final BoundedLines lines;
    private final Reader reader;

    JsonLinesRecords(Reader reader, int maxRecordChars) {
        this.reader = reader;
        this.lines = new BoundedLines(reader, maxRecordChars);
        this.mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    @Override
    protected BatchRecord advance() {
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) {
                    return record(lines.number(), line);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BatchRecord record(long number, String line) {
        if (line == BoundedLines.TOO_LONG) {
            return unreadable(number, ErrorCode.PAYLOAD_TOO_LARGE, "该行超过大小限制", "the line exceeds the size limit");
        }
        try {
            JsonNode node = mapper.readTree(line);
            MessageType type = MessageType.valueOf(node.path("type").asText());
            if (!SUBMITTED.contains(type)) {
                throw new IllegalArgumentException("not a submitted type");
            }
            JsonNode filing = node.get("filing");
            if (filing == null || !filing.isObject()) {
                return unreadable(number, ErrorCode.SCHEMA_VIOLATION, "缺少 filing 对象", "the line has no filing object");
            }
            return BatchRecord.read(number, type, mapper.writeValueAsBytes(filing),
                    pointer -> new BatchRecord.Location(number, "/filing" + pointer));
        } catch (StreamConstraintsException e) {
            // the same code as REST for the same defect
            return unreadable(number, ErrorCode.NESTING_TOO_DEEP, "该行嵌套层级过深", "the line is nested too deeply");
        } catch (JsonProcessingException e) {
            return unreadable(number, ErrorCode.MALFORMED_JSON, "该行不是合法的 JSON", "the line is not valid JSON");
        } catch (IllegalArgumentException e) {
            return unreadable(number, ErrorCode.SCHEMA_VIOLATION, "type 须为 " + SUBMITTED + " 之一",
                    "type must be one of " + SUBMITTED);
        }
    }

    private static BatchRecord unreadable(long number, ErrorCode code, String zh, String en) {
        SedxException failure = SedxException.at(code, "", zh, en);
        return BatchRecord.unreadable(number, failure, pointer -> new BatchRecord.Location(number, pointer));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
