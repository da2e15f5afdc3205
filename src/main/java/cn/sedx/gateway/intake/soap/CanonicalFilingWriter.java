package cn.sedx.gateway.intake.soap;

import cn.sedx.gateway.intake.soap.ws.AgencyReport;
import cn.sedx.gateway.intake.soap.ws.Finding;
import cn.sedx.gateway.intake.soap.ws.PersonnelFiling;
import cn.sedx.gateway.intake.soap.ws.RectificationOrder;
import cn.sedx.gateway.intake.soap.ws.RectificationOrderChange;
import cn.sedx.gateway.intake.soap.ws.SafetyRecord;
import cn.sedx.gateway.intake.soap.ws.TrainingRecord;
import cn.sedx.gateway.intake.soap.ws.YearEndReport;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.activation.DataHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a filing of the XML contract (the JAXB types generated from schemas/submission-types.xsd) as the
 * canonical JSON of issue 2. Each element becomes the JSON field of the same name; a repeated element
 * becomes an array, left out when the element is absent, except {@code findings}, which is always written
 * ({@code []} is a zero-risk report).
 *
 * <p>Memory: the JSON is built in one buffer that refuses to grow past {@code maxBytes} (the intake's
 * body limit), and attachments are base64-encoded straight from their {@link DataHandler} stream into that
 * buffer, so no attachment is ever held twice, and an oversize one fails as soon as the limit is passed.
 */
public final class CanonicalFilingWriter {

    /** The message type each filing class of the XML contract carries. */
    private static final Map<Class<?>, MessageType> TYPES = Map.of(PersonnelFiling.class, MessageType.PERSONNEL_FILING,
            SafetyRecord.class, MessageType.SAFETY_RECORD, YearEndReport.class, MessageType.YEAR_END_REPORT,
            TrainingRecord.class, MessageType.TRAINING_RECORD, RectificationOrder.class, MessageType.RECTIFICATION_ORDER,
            RectificationOrderChange.class, MessageType.RECTIFICATION_ORDER_CHANGE, AgencyReport.class,
            MessageType.AGENCY_REPORT);

    private final ObjectMapper mapper;

    public CanonicalFilingWriter() {
        SimpleModule attachments = new SimpleModule("sedx-attachments");
        attachments.addSerializer(DataHandler.class, new DataHandlerSerializer());
        this.mapper = JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(attachments)
                .addMixIn(SafetyRecord.class, SafetyRecordFindings.class)
                .build();
        mapper.configOverride(List.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
    }

    /** The message type a JAXB filing object carries, or null when it is no filing. */
    public static MessageType typeOf(Object filing) {
        return filing == null ? null : TYPES.get(filing.getClass());
    }

    /**
     * The canonical JSON bytes of {@code filing}.
     *
     * @throws SedxException PAYLOAD_TOO_LARGE when the JSON would exceed {@code maxBytes}
     */
    public byte[] write(Object filing, long maxBytes) {
        BoundedBuffer buffer = new BoundedBuffer(maxBytes);
        try {
            mapper.writeValue(buffer, filing);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof SedxException refusal) {
                throw refusal;
            }
            throw new IllegalStateException("cannot write the canonical JSON of " + filing.getClass(), e);
        } catch (LimitExceeded e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            if (e.getCause() instanceof LimitExceeded) {
                throw tooLarge(maxBytes);
            }
            throw SedxException.refused(ErrorCode.MALFORMED_XML, "attachment unreadable",
                    List.of(Violation.of(ErrorCode.MALFORMED_XML, "", "附件无法读取", "an attachment cannot be read")))
                    .causedBy(e);
        }
        return buffer.toByteArray();
    }

    private static SedxException tooLarge(long maxBytes) {
        Violation violation = Violation.of(ErrorCode.PAYLOAD_TOO_LARGE, "", "报文超过 " + maxBytes + " 字节",
                "the filing exceeds " + maxBytes + " bytes");
        return SedxException.refused(ErrorCode.PAYLOAD_TOO_LARGE, "filing too large", List.of(violation));
    }

    /** Keeps {@code findings: []} in the JSON: an empty list is a zero-risk report, not a missing field. */
    abstract static class SafetyRecordFindings {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract List<Finding> getFindings();
    }

    /** Streams an attachment into base64 without reading it into memory first. */
    private static final class DataHandlerSerializer extends StdSerializer<DataHandler> {

        DataHandlerSerializer() {
            super(DataHandler.class);
        }

        @Override
        public void serialize(DataHandler value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            try (InputStream in = value.getInputStream()) {
                generator.writeBinary(in, -1);
            }
        }
    }

    /** Thrown by {@link BoundedBuffer} when a write would pass the limit. */
    private static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("limit exceeded", null);
        }
    }

    /** A byte buffer that refuses to grow past a limit. */
    private static final class BoundedBuffer extends OutputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private final long limit;

        BoundedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            bytes.write(b, off, len);
        }

        private void check(int more) throws LimitExceeded {
            if (bytes.size() + (long) more > limit) {
                throw new LimitExceeded();
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
