package cn.sedx.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.support.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnelBatchTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] USE_UNIT = Fixtures.bytes("personnel-filing/valid-use-unit.json");
    private static final byte[] PRODUCTION_UNIT = Fixtures.bytes("personnel-filing/valid-production-unit.json");

    private final List<Chunk> chunks = new ArrayList<>();
    private final List<SkippedFiling> skips = new ArrayList<>();

    @Test
    void cutsByRecordCountWithoutSplittingAFiling() throws Exception {
        int persons = persons(USE_UNIT);
        BatchChunker chunker = chunker(persons * 2, Long.MAX_VALUE);

        for (int i = 1; i <= 5; i++) {
            chunker.add(filing(i, USE_UNIT));
        }
        chunker.finish();

        assertThat(chunks).extracting(Chunk::filings).containsExactly(2, 2, 1);
        assertThat(chunks).extracting(Chunk::seq).containsExactly(1, 2, 3);
        assertThat(chunks.get(1).after()).isEqualTo(chunks.get(0).last());
        assertThat(chunks.get(2).last().id()).isEqualTo(id(5));
        assertThat(chunks.stream().mapToInt(Chunk::records).sum()).isEqualTo(5 * persons);
    }

    @Test
    void cutsByBytes() {
        BatchChunker chunker = chunker(Integer.MAX_VALUE, 3_000);

        for (int i = 1; i <= 4; i++) {
            chunker.add(filing(i, PRODUCTION_UNIT));
        }
        chunker.finish();

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.xml().length).isLessThanOrEqualTo(3_000));
        assertThat(chunks.stream().mapToInt(Chunk::filings).sum()).isEqualTo(4);
    }

    @Test
    void letsAFilingLargerThanTheByteLimitTravelAlone() {
        BatchChunker chunker = chunker(Integer.MAX_VALUE, 500);

        for (int i = 1; i <= 3; i++) {
            chunker.add(filing(i, PRODUCTION_UNIT));
        }
        chunker.finish();

        assertThat(chunks).extracting(Chunk::filings).containsExactly(1, 1, 1);
    }

    @Test
    void writesChunksTheSchemaAcceptsAndTheReaderReadsBack() throws Exception {
        BatchChunker chunker = chunker(1000, Long.MAX_VALUE);
        chunker.add(filing(1, USE_UNIT));
        chunker.add(filing(2, PRODUCTION_UNIT));
        chunker.finish();
        byte[] xml = chunks.get(0).xml();

        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        List<PersonnelBatchReader.Filing> read = new ArrayList<>();
        PersonnelBatchReader.Batch batch = new PersonnelBatchReader().read(new ByteArrayInputStream(xml), read::add);

        assertThat(batch.runId()).isEqualTo("run-1");
        assertThat(batch.filings()).isEqualTo(2);
        assertThat(batch.records()).isEqualTo(persons(USE_UNIT) + persons(PRODUCTION_UNIT));
        assertThat(read).extracting(PersonnelBatchReader.Filing::messageId).containsExactly(id(1), id(2));
        assertThat(read.get(0).uscc()).isEqualTo("91440106MA59ABCDEX");
        assertThat(read.get(0).persons()).contains("PRINCIPAL", "SAFETY_DIRECTOR", "SAFETY_OFFICER");
    }

    @Test
    void leavesOutAFilingItCannotWriteAndWritesTheNextOnesWhole() throws Exception {
        BatchChunker chunker = chunker(1000, Long.MAX_VALUE);
        byte[] nul = new String(USE_UNIT, StandardCharsets.UTF_8).replace("广州天河城市物业管理有限公司", "广州天河\\u0000物业")
                .getBytes(StandardCharsets.UTF_8);

        chunker.add(filing(1, USE_UNIT));
        chunker.add(filing(2, nul));
        chunker.add(filing(3, "not json".getBytes(StandardCharsets.UTF_8)));
        chunker.add(filing(4, USE_UNIT));
        chunker.finish();

        assertThat(skips).extracting(SkippedFiling::messageId).containsExactly(id(2), id(3));
        assertThat(skips).allSatisfy(skip -> assertThat(skip.code()).isEqualTo(ErrorCode.TRANSFORM_FAILED));
        assertThat(skips.get(0).reason()).contains("batch XML").doesNotContain("\u0000");
        List<PersonnelBatchReader.Filing> read = new ArrayList<>();
        new PersonnelBatchReader().read(new ByteArrayInputStream(chunks.get(0).xml()), read::add);
        assertThat(read).extracting(PersonnelBatchReader.Filing::messageId).containsExactly(id(1), id(4));
        assertThat(chunks.get(0).last()).isEqualTo(filing(4, USE_UNIT).key());
    }

    @Test
    void carriesEachPersonsDocumentTypeAndNationalityInASchemaValidChunk() throws Exception {
        BatchChunker chunker = chunker(1000, Long.MAX_VALUE);
        chunker.add(filing(1, Fixtures.bytes("personnel-filing/valid-officer-passport.json")));
        chunker.add(filing(2, Fixtures.bytes("personnel-filing/valid-officer-hk-macao-permit.json")));
        chunker.finish();
        byte[] xml = chunks.get(0).xml();

        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("idType=\"PASSPORT\"><Name>张伟</Name><IdNumber>546512345</IdNumber>"
                + "<Nationality>USA</Nationality>");
        assertThat(text).contains("idType=\"HK_MACAO_PERMIT\"><Name>张伟</Name><IdNumber>H12345678</IdNumber>");
        assertThat(text).contains("role=\"PRINCIPAL\" idType=\"RESIDENT_ID\"");
    }

    @Test
    void readerRefusesTotalsThatDoNotMatch() {
        BatchChunker chunker = chunker(1000, Long.MAX_VALUE);
        chunker.add(filing(1, USE_UNIT));
        chunker.finish();
        String tampered = new String(chunks.get(0).xml(), StandardCharsets.UTF_8).replace("filings=\"1\"",
                "filings=\"2\"");

        assertThatThrownBy(() -> new PersonnelBatchReader().read(
                new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8)), f -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "<!DOCTYPE PersonnelBatch>"})
    void readerRefusesADoctype(String doctype) {
        String hostile = "<?xml version=\"1.0\"?>" + doctype + "<PersonnelBatch xmlns=\"" + PersonnelBatchXml.NS
                + "\">" + (doctype.contains("ENTITY") ? "&e;" : "") + "</PersonnelBatch>";

        // refused at the DTD itself (before any entity could be declared or resolved), as a parse error
        assertThatThrownBy(() -> new PersonnelBatchReader().read(
                new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)), f -> { }))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("DTD").hasMessageNotContaining("root:");
    }

    private BatchChunker chunker(int maxRecords, long maxBytes) {
        return new BatchChunker(new PersonnelBatchXml(), JSON, Clock.systemUTC(), "run-1", "440000", maxRecords,
                maxBytes, 1, ScanKey.START, chunks::add, skips::add);
    }

    private static Scanned filing(int n, byte[] payload) {
        ScanKey key = new ScanKey(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(n), id(n));
        return new Scanned(key, id(n), null, "440106", MessageState.RECEIVED, null, payload);
    }

    private static String id(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    private static int persons(byte[] filing) throws Exception {
        return JSON.readTree(filing).get("persons").size();
    }

    private static Schema schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(Path.of("schemas/national-personnel-batch.xsd").toFile());
    }
}
