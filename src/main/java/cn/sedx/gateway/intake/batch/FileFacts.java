package cn.sedx.gateway.intake.batch;

import cn.sedx.gateway.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * What one streaming pass over a batch file tells: its SHA-256 (the base of every record's idempotency key)
 * and its encoding: UTF-8 when every byte sequence is valid UTF-8, else GB18030 (which decodes any bytes).
 *
 * @param sha256  lower-case hex
 * @param charset UTF-8 or GB18030
 * @param bom     whether the file starts with a UTF-8 byte-order mark (skipped when read)
 */
record FileFacts(String sha256, Charset charset, boolean bom) {

    static final Charset GB18030 = Charset.forName("GB18030");

    static FileFacts of(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        Utf8Check utf8 = new Utf8Check();
        byte[] chunk = new byte[64 * 1024];
        byte[] head = new byte[0];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
                if (head.length < 3) {
                    head = java.util.Arrays.copyOf(chunk, Math.min(n, 3));
                }
                utf8.feed(chunk, n);
            }
        }
        boolean valid = utf8.finish();
        boolean bom = valid && head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        return new FileFacts(Sha256.hex(digest), valid ? StandardCharsets.UTF_8 : GB18030,
                bom);
    }

    /** Checks, chunk by chunk, that bytes are valid UTF-8 (a sequence may span two chunks). */
    private static final class Utf8Check {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024 + 8);
        private final CharBuffer sink = CharBuffer.allocate(64 * 1024 + 8);
        private boolean valid = true;

        void feed(byte[] chunk, int length) {
            if (valid) {
                pending.put(chunk, 0, length).flip();
                valid = !decoder.decode(pending, sink.clear(), false).isError();
                pending.compact();
            }
        }

        boolean finish() {
            if (valid) {
                pending.flip();
                valid = !decoder.decode(pending, sink.clear(), true).isError() && !pending.hasRemaining();
            }
            return valid;
        }
    }

}
