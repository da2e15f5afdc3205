package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.messagestore.MessageScan.Scanned;
import cn.sedx.gateway.messagestore.MessageStore;
import cn.sedx.gateway.shared.DaemonThreads;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Turns the filings of a key range into signed chunks: one thread reads the store in key order and cuts
 * chunks, {@code packagers} threads sign and zip them, and each is handed to the {@link ChunkSink} strictly in
 * order, so the chunks recorded always cover a gap-free prefix of the range (what a resumed run continues
 * from). Memory holds at most {@code packagers + 1} chunks.
 */
class ChunkProducer {

    /** Where signed chunks go, in order; the sink answers false to stop the run. */
    interface ChunkSink {
        boolean accept(Chunk chunk, String messageId, byte[] signedPackage);
    }

    /** Thrown to stop a run whose sink refused to go on. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the run is no longer RUNNING", null, false, false);
        }
    }

    private final MessageScan scan;
    private final ChunkPackager packager;
    private final PersonnelBatchXml xml = new PersonnelBatchXml();
    private final ThreadLocal<PersonnelBatchXml.Fragments> fragments = ThreadLocal.withInitial(xml::fragments);
    private final ObjectMapper mapper;
    private final UploadSettings settings;
    private final Clock clock;

    ChunkProducer(MessageScan scan, ChunkPackager packager, ObjectMapper mapper, UploadSettings settings,
            Clock clock) {
        this.scan = scan;
        this.packager = packager;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Cuts, signs and hands on every filing after {@code after} up to {@code upTo}, numbering chunks from
     * {@code firstSeq}.
     *
     * @param single whether to cut the whole range into one chunk (re-cutting a chunk whose range is known)
     * @param skips  told (on this thread, in key order) of each filing left out because it cannot be written
     * @throws Stopped when the sink asked to stop
     */
    void produce(String runId, ScanKey after, ScanKey upTo, int firstSeq, boolean single, ChunkSink sink,
            Consumer<SkippedFiling> skips) {
        ExecutorService packagers = Executors.newFixedThreadPool(settings.packagers(),
                DaemonThreads.named("upload-packager-"));
        Deque<Future<Packed>> inFlight = new ArrayDeque<>();
        try {
            BatchChunker chunker = new BatchChunker(xml, mapper, clock, runId, settings.sender().regionCode(),
                    single ? Integer.MAX_VALUE : settings.maxRecords(),
                    single ? Long.MAX_VALUE : settings.maxBytes().toBytes(), firstSeq, after, chunk -> {
                        inFlight.add(packagers.submit(() -> pack(chunk)));
                        if (inFlight.size() > settings.packagers()) {
                            hand(inFlight.poll(), sink);
                        }
                    }, skips);
            scan.forEachPage(MessageType.PERSONNEL_FILING, "", after, upTo, settings.pageSize(),
                    page -> convert(page, packagers).forEach(chunker::add));
            chunker.finish();
            while (!inFlight.isEmpty()) {
                hand(inFlight.poll(), sink);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            packagers.shutdownNow();
        }
    }

    /**
     * Writes a page of filings as XML on every core: the packagers take all slices but the first, which this
     * thread writes itself; the result is in page order.
     */
    private List<BatchChunker.Converted> convert(List<Scanned> page, ExecutorService pool) {
        int slices = Math.min(settings.packagers() + 1, Math.max(1, page.size() / 50));
        int size = (page.size() + slices - 1) / slices;
        List<Future<List<BatchChunker.Converted>>> others = new ArrayList<>();
        for (int from = size; from < page.size(); from += size) {
            List<Scanned> slice = page.subList(from, Math.min(page.size(), from + size));
            others.add(pool.submit(() -> convert(slice)));
        }
        List<BatchChunker.Converted> converted = new ArrayList<>(page.size());
        converted.addAll(convert(page.subList(0, Math.min(size, page.size()))));
        for (Future<List<BatchChunker.Converted>> other : others) {
            converted.addAll(result(other));
        }
        return converted;
    }

    private List<BatchChunker.Converted> convert(List<Scanned> slice) {
        PersonnelBatchXml.Fragments writer = fragments.get();
        List<BatchChunker.Converted> converted = new ArrayList<>(slice.size());
        slice.forEach(filing -> converted.add(BatchChunker.convert(writer, mapper, filing)));
        return converted;
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a chunk", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Packed pack(Chunk chunk) {
        String id = MessageStore.newId();
        return new Packed(chunk, id, packager.pack(id, chunk));
    }

    private static void hand(Future<Packed> next, ChunkSink sink) {
        Packed packed = result(next);
        if (!sink.accept(packed.chunk(), packed.messageId(), packed.signedPackage())) {
            throw new Stopped();
        }
    }

    private record Packed(Chunk chunk, String messageId, byte[] signedPackage) {}
}
