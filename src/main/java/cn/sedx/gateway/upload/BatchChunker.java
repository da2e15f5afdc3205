package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
     */
    BatchChunker(PersonnelBatchXml xml, ObjectMapper mapper, Clock clock, String runId, String senderRegion,
            int maxRecords, long maxBytes, int firstSeq, ScanKey after, Consumer<Chunk> sink) {
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
    }

    /** Adds the next filing in key order, converting it here; may first hand the chunk so far to the sink. */
    void add(Scanned filing) {
        Converted converted = convert(fragments, mapper, filing);
        add(converted);
    }

    /** Adds the next filing in key order, already written as a {@code Filing} element. */
    void add(Converted filing) {
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
     * One filing written as a {@code Filing} element.
     *
     * @param persons the person records in it
     */
    record Converted(ScanKey key, byte[] xml, int persons) {}

    /** Writes a stored filing as a {@code Filing} element with {@code fragments} (one per thread). */
    static Converted convert(PersonnelBatchXml.Fragments fragments, ObjectMapper mapper, Scanned filing) {
        try {
            int persons = fragments.write(filing.id(), filing.key().receivedAt(), mapper.readTree(filing.payload()));
            return new Converted(filing.key(), fragments.bytes(), persons);
        } catch (IOException e) {
            throw new UncheckedIOException("stored filing " + filing.id() + " is not JSON", e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write filing " + filing.id() + " as batch XML", e);
        }
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
