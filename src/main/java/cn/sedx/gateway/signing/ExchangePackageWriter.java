package cn.sedx.gateway.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a signed exchange package (see {@code docs/signing.md}): a ZIP holding {@code signer.cer},
 * the payload entries, {@code manifest.xml} and {@code manifest.sig}, in that order.
 *
 * <p>Streams: each entry's content is opened once and copied through the digest into the ZIP in
 * 16 KiB chunks, so memory does not grow with entry size. Entries under 16 KiB and the package's own
 * entries are stored, larger entries deflated. Thread-safe.
 */
public class ExchangePackageWriter {

    private static final int BUFFER = 16 * 1024;

    private final ManifestWriter manifests = new ManifestWriter();

    /**
     * Writes the package to {@code out}, which is flushed but not closed (the caller owns it).
     *
     * @param manifest the message's header; its {@code createdAt} is the signing time
     * @param entries the payload entries, distinct names, at least one
     * @param signer signs the manifest; its profile picks the entry digest (SM3 or SHA-256)
     * @throws UncheckedIOException when an entry cannot be read or {@code out} cannot be written
     * @throws cn.sedx.gateway.shared.SedxException SIGNING_KEY_UNAVAILABLE if signing fails
     */
    public void write(PackageManifest manifest, List<PackageEntry> entries, Signer signer, OutputStream out) {
        checkNames(entries);
        SignatureProfile profile = signer.profile();
        long time = manifest.createdAt().toEpochMilli();
        // closing the ZIP stream frees its native deflater at once; HeaderBuffer leaves `out` open
        try (ZipOutputStream zip = new ZipOutputStream(new HeaderBuffer(out))) {
            put(zip, "signer.cer", time, signer.certificate().getEncoded());
            byte[] buffer = new byte[BUFFER];
            List<ManifestEntry> listed = new ArrayList<>(entries.size());
            for (PackageEntry entry : entries) {
                listed.add(copy(zip, entry, time, Crypto.digest(profile.digestAlgorithm()), buffer));
            }
            byte[] manifestXml = manifests.write(manifest, profile, listed);
            put(zip, "manifest.xml", time, manifestXml);
            put(zip, "manifest.sig", time, signer.sign(manifestXml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write exchange package " + manifest.messageId(), e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("signer certificate cannot be encoded", e);
        }
    }

    /**
     * Copies one entry through its digest. An entry that fits in the first buffer is stored (deflating
     * a few KiB costs more than it saves); a longer one is deflated as it streams.
     */
    private static ManifestEntry copy(ZipOutputStream zip, PackageEntry entry, long time, MessageDigest digest,
            byte[] buffer) throws IOException {
        long size;
        try (InputStream in = entry.content().open()) {
            int first = in.readNBytes(buffer, 0, buffer.length);
            digest.update(buffer, 0, first);
            if (first < buffer.length) {
                put(zip, entry.name(), time, buffer, first);
                size = first;
            } else {
                ZipEntry zipEntry = new ZipEntry(entry.name());
                zipEntry.setTime(time);
                zip.putNextEntry(zipEntry);
                zip.write(buffer, 0, first);
                size = first;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    zip.write(buffer, 0, n);
                    size += n;
                }
                zip.closeEntry();
            }
        }
        return new ManifestEntry(entry.name(), entry.mediaType(), size,
                Base64.getEncoder().encodeToString(digest.digest()));
    }

    /** A small entry known in full: stored, not deflated, which saves the deflater's set-up per entry. */
    private static void put(ZipOutputStream zip, String name, long time, byte[] content) throws IOException {
        put(zip, name, time, content, content.length);
    }

    private static void put(ZipOutputStream zip, String name, long time, byte[] content, int length)
            throws IOException {
        ZipEntry zipEntry = new ZipEntry(name);
        zipEntry.setTime(time);
        CRC32 crc = new CRC32();
        crc.update(content, 0, length);
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(length);
        zipEntry.setCompressedSize(length);
        zipEntry.setCrc(crc.getValue());
        zip.putNextEntry(zipEntry);
        zip.write(content, 0, length);
        zip.closeEntry();
    }

    private static void checkNames(List<PackageEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one payload entry");
        }
        Set<String> names = new HashSet<>();
        for (PackageEntry entry : entries) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("duplicate entry name '" + entry.name() + "'");
            }
        }
    }

    /**
     * Gathers the ZIP writer's byte-at-a-time header writes (without the lock of a
     * {@code BufferedOutputStream}); closing it flushes but leaves the target open.
     */
    private static final class HeaderBuffer extends OutputStream {

        private final OutputStream target;
        private final byte[] bytes = new byte[8192];
        private int count;

        HeaderBuffer(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == bytes.length) {
                drain();
            }
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) throws IOException {
            if (length > bytes.length - count) {
                drain();
            }
            if (length >= bytes.length) {
                target.write(source, offset, length);
                return;
            }
            System.arraycopy(source, offset, bytes, count, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            drain();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void drain() throws IOException {
            if (count > 0) {
                target.write(bytes, 0, count);
                count = 0;
            }
        }
    }
}
