package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB entry, generated on the fly and never held in memory, goes through the writer and the
 * verifier while the thread allocates only a small fraction of that: buffering it anywhere would
 * allocate at least its size. The content can also be opened only once, so a two-pass writer fails.
 */
class ExchangePackageStreamingTests {

    private static final long ENTRY_SIZE = 200L * 1024 * 1024;
    private static final long ALLOCATION_BUDGET = 32L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void writesAndVerifiesA200MbEntryWithoutBufferingIt() throws IOException {
        AtomicInteger opened = new AtomicInteger();
        PackageEntry big = new PackageEntry("inspection-video.bin", "application/octet-stream", () -> {
            assertThat(opened.incrementAndGet()).as("the entry content is opened only once").isEqualTo(1);
            return new GeneratedStream(ENTRY_SIZE);
        });
        Path zip = dir.resolve("package.zip");
        Signer signer = SampleKeys.keys().signer("national-ecdsa");

        long before = allocatedBytes();
        try (OutputStream out = Files.newOutputStream(zip)) {
            new ExchangePackageWriter().write(Packages.yearEndReport(Instant.now()), List.of(big), signer, out);
        }
        long writing = allocatedBytes() - before;

        before = allocatedBytes();
        VerifiedPackage verified = Packages.verifier().verify(zip);
        long verifying = allocatedBytes() - before;

        assertThat(verified.entries().get(0).size()).isEqualTo(ENTRY_SIZE);
        assertThat(writing).as("bytes allocated while writing").isLessThan(ALLOCATION_BUDGET);
        assertThat(verifying).as("bytes allocated while verifying").isLessThan(ALLOCATION_BUDGET);
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A deterministic, compressible (so quick to deflate) byte stream of a given length, generated as it is read. */
    private static final class GeneratedStream extends InputStream {

        private static final byte[] PATTERN = new byte[8192];

        static {
            for (int i = 0; i < PATTERN.length; i++) {
                PATTERN[i] = (byte) ('a' + i % 23);
            }
        }

        private final long length;
        private long position;
        private int state = 0x2545F491;

        GeneratedStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(Math.min(count, PATTERN.length), length - position);
            System.arraycopy(PATTERN, 0, buffer, offset, n);
            // one varying byte per read keeps the blocks distinct
            state = state * 31 + 7;
            buffer[offset] = (byte) state;
            position += n;
            return n;
        }
    }
}
