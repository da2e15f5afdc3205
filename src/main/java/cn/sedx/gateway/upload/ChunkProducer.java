package cn.sedx.gateway.upload;

import cn.sedx.gateway.messagestore.MessageScan;
import cn.sedx.gateway.messagestore.MessageScan.ScanKey;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
     * @throws Stopped when the sink asked to stop
     */
    void produce(String runId, ScanKey after, ScanKey upTo, int firstSeq, boolean single, ChunkSink sink) {
        ExecutorService packagers = Executors.newFixedThreadPool(settings.packagers(), r -> {
            Thread thread = new Thread(r, "upload-packager");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Packed>> inFlight = new ArrayDeque<>();
        try {
            BatchChunker chunker = new BatchChunker(xml, mapper, clock, runId, settings.sender().regionCode(),
                    single ? Integer.MAX_VALUE : settings.maxRecords(),
                    single ? Long.MAX_VALUE : settings.maxBytes().toBytes(), firstSeq, after, chunk -> {
                        inFlight.add(packagers.submit(() -> pack(chunk)));
                        if (inFlight.size() > settings.packagers()) {
                            hand(inFlight.poll(), sink);
                        }
                    });
            scan.forEach(MessageType.PERSONNEL_FILING, "", after, upTo, settings.pageSize(), chunker::add);
            chunker.finish();
            while (!inFlight.isEmpty()) {
                hand(inFlight.poll(), sink);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            packagers.shutdownNow();
        }
    }

    private Packed pack(Chunk chunk) {
        String id = UUID.randomUUID().toString();
        return new Packed(chunk, id, packager.pack(id, chunk));
    }

    private static void hand(Future<Packed> next, ChunkSink sink) {
        Packed packed;
        try {
            packed = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing a chunk", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot sign a chunk: " + e.getCause().getMessage(), e.getCause());
        }
        if (!sink.accept(packed.chunk(), packed.messageId(), packed.signedPackage())) {
            throw new Stopped();
        }
    }

    private record Packed(Chunk chunk, String messageId, byte[] signedPackage) {}
}
