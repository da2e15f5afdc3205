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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a signed exchange package (see {@code docs/signing.md}): a ZIP holding {@code signer.cer},
 * the payload entries, {@code manifest.xml} and {@code manifest.sig}, in that order.
 *
 * <p>Streams: each entry's content is opened once and copied through the digest into the ZIP in
 * 64 KiB chunks, so memory does not grow with entry size. Thread-safe.
 */
public class ExchangePackageWriter {

    private static final int BUFFER = 64 * 1024;

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
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, "signer.cer", time, signer.certificate().getEncoded());
            byte[] buffer = new byte[BUFFER];
            List<ManifestEntry> listed = new ArrayList<>(entries.size());
            for (PackageEntry entry : entries) {
                listed.add(copy(zip, entry, time, Crypto.digest(profile.digestAlgorithm()), buffer));
            }
            byte[] manifestXml = manifests.write(manifest, profile, listed);
            put(zip, "manifest.xml", time, manifestXml);
            put(zip, "manifest.sig", time, signer.sign(manifestXml));
            zip.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write exchange package " + manifest.messageId(), e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("signer certificate cannot be encoded", e);
        }
    }

    private static ManifestEntry copy(ZipOutputStream zip, PackageEntry entry, long time, MessageDigest digest,
            byte[] buffer) throws IOException {
        ZipEntry zipEntry = new ZipEntry(entry.name());
        zipEntry.setTime(time);
        zip.putNextEntry(zipEntry);
        long size = 0;
        try (InputStream in = entry.content().open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
                size += n;
            }
        }
        zip.closeEntry();
        return new ManifestEntry(entry.name(), entry.mediaType(), size,
                Base64.getEncoder().encodeToString(digest.digest()));
    }

    private static void put(ZipOutputStream zip, String name, long time, byte[] content) throws IOException {
        ZipEntry zipEntry = new ZipEntry(name);
        zipEntry.setTime(time);
        zip.putNextEntry(zipEntry);
        zip.write(content);
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
}
