package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.LogLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;

/**
 * Cuts the stream of filings of a run into chunks of at most {@code maxRecords} person records and
 * {@code maxBytes} bytes of XML, never splitting a filing, and hands each finished chunk to the sink in order.
 * Holds one chunk in memory. Not thread-safe: one chunker per run.
 */
final class BatchChunker {

    /** Room kept for the closing {@code Totals} and end tag. */
    private static final int CLOSING_RESERVE = 128;

    private final PersonnelBatchXml xml;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String runId;
    private final String senderRegion;
    private final int maxRecords;
    private final long maxBytes;
    private final Consumer<Chunk> sink;
    private final Consumer<SkippedFiling> skips;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
    private final PersonnelBatchXml.Fragments fragments;
    private int seq;
    private ScanKey after;
    private ScanKey last;
    private int filings;
    private int records;

    /**
     * @param firstSeq the number of the first chunk cut
     * @param after    the key just before the first filing to come
     * @param skips    told of each filing left out because it cannot be written
     */
    BatchChunker(PersonnelBatchXml xml, ObjectMapper mapper, Clock clock, String runId, String senderRegion,
            int maxRecords, long maxBytes, int firstSeq, ScanKey after, Consumer<Chunk> sink,
            Consumer<SkippedFiling> skips) {
        this.xml = xml;
        this.fragments = xml.fragments();
        this.mapper = mapper;
        this.clock = clock;
        this.runId = runId;
        this.senderRegion = senderRegion;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.seq = firstSeq;
        this.after = after;
        this.sink = sink;
        this.skips = skips;
    }

    /** Adds the next filing in key order, converting it here; may first hand the chunk so far to the sink. */
    void add(Scanned filing) {
        Converted converted = convert(fragments, mapper, filing);
        add(converted);
    }

    /** Adds the next filing in key order, already written as a {@code Filing} element. */
    void add(Converted filing) {
        if (filing.skipped() != null) {
            skips.accept(filing.skipped());
            return;
        }
        boolean full = records + filing.persons() > maxRecords
                || body.size() + filing.xml().length + CLOSING_RESERVE + 512 > maxBytes;
        if (filings > 0 && full) {
            cut();
        }
        body.writeBytes(filing.xml());
        filings++;
        records += filing.persons();
        last = filing.key();
    }

    /**
     * One filing written as a {@code Filing} element, or left out.
     *
     * @param persons the person records in it
     * @param skipped why the filing was left out, or null when it was written
     */
    record Converted(ScanKey key, byte[] xml, int persons, SkippedFiling skipped) {}

    /**
     * Writes a stored filing as a {@code Filing} element with {@code fragments} (one per thread); a filing that
     * cannot be written is returned as skipped, so it never holds up the others.
     */
    static Converted convert(PersonnelBatchXml.Fragments fragments, ObjectMapper mapper, Scanned filing) {
        try {
            int persons = fragments.write(filing.id(), filing.key().receivedAt(), mapper.readTree(filing.payload()));
            return new Converted(filing.key(), fragments.bytes(), persons, null);
        } catch (IOException e) {
            return skipped(filing, "存储的报文不是 JSON", "the stored filing is not JSON", e);
        } catch (XMLStreamException | IllegalArgumentException e) {
            return skipped(filing, "无法写成批量 XML", "it cannot be written as batch XML", e);
        }
    }

    private static Converted skipped(Scanned filing, String zh, String en, Exception e) {
        String detail = LogLines.safe(String.valueOf(e.getMessage()));
        String reason = zh + " / " + en + " (" + (detail.length() > 300 ? detail.substring(0, 300) : detail) + ")";
        return new Converted(filing.key(), null, 0, new SkippedFiling(filing.key(), ErrorCode.TRANSFORM_FAILED,
                reason));
    }

    /** Hands the last, partly filled chunk to the sink, if any. */
    void finish() {
        if (filings > 0) {
            cut();
        }
    }

    private void cut() {
        byte[] opening = xml.opening(runId, seq, senderRegion, clock.instant());
        byte[] closing = xml.closing(filings, records);
        byte[] document = new byte[opening.length + body.size() + closing.length];
        System.arraycopy(opening, 0, document, 0, opening.length);
        byte[] content = body.toByteArray();
        System.arraycopy(content, 0, document, opening.length, content.length);
        System.arraycopy(closing, 0, document, opening.length + content.length, closing.length);
        sink.accept(new Chunk(seq, after, last, filings, records, document));
        seq++;
        after = last;
        filings = 0;
        records = 0;
        body.reset();
    }
}
