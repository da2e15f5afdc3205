package cn.sedx.gateway.intake.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        MessageDigest digest = newDigest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean valid = true;
        boolean bom = false;
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer sink = CharBuffer.allocate(chunk.length + 8);
        boolean first = true;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
                if (first && n >= 3) {
                    bom = (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF;
                    first = false;
                }
                if (valid) {
                    pending.put(chunk, 0, n).flip();
                    CoderResult result = utf8.decode(pending, sink.clear(), false);
                    valid = !result.isError();
                    pending.compact();
                }
            }
        }
        if (valid) {
            pending.flip();
            valid = !utf8.decode(pending, sink.clear(), true).isError() && !pending.hasRemaining();
        }
        return new FileFacts(HexFormat.of().formatHex(digest.digest()), valid ? StandardCharsets.UTF_8 : GB18030,
                valid && bom);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
