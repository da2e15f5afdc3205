package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One pass over an exchange-package ZIP stream: keeps the (small, bounded) manifest, signature and
 * certificate, and only the size and digest of each payload entry. Limits are enforced on the bytes
 * actually inflated, never on sizes the ZIP headers claim.
 */
final class PackageReader {

    private static final int MAX_SIGNATURE = 16 * 1024;
    private static final int MAX_CERTIFICATE = 64 * 1024;
    private static final String[] DIGESTS = {"SM3", "SHA-256"};

    /** An entry's size and its digests by algorithm, base64. */
    record Measured(long size, Map<String, String> digests) {}

    record Raw(byte[] manifestXml, byte[] signature, X509Certificate signer, Map<String, Measured> entries) {}

    private final SigningSettings.PackageLimits limits;
    private final byte[] buffer = new byte[64 * 1024];
    private long total;
    private byte[] manifestXml;
    private byte[] signature;
    private X509Certificate signer;

    PackageReader(SigningSettings.PackageLimits limits) {
        this.limits = limits;
    }

    /** Reads the whole stream (the caller closes it). */
    Raw read(InputStream in) throws IOException {
        Map<String, Measured> entries = new LinkedHashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        int count = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (++count > limits.maxEntries()) {
                throw tooLarge("more than " + limits.maxEntries() + " entries");
            }
            String name = entry.getName();
            if (entry.isDirectory() || entries.containsKey(name) || isDuplicateReserved(name)) {
                throw new SedxException(ErrorCode.ENTRY_UNEXPECTED, "unexpected or repeated entry '" + name + "'");
            }
            switch (name) {
                case "manifest.xml" -> manifestXml = readSmall(zip, limits.maxManifestSize().toBytes(), name);
                case "manifest.sig" -> signature = readSmall(zip, MAX_SIGNATURE, name);
                case "signer.cer" -> signer = certificate(readSmall(zip, MAX_CERTIFICATE, name));
                default -> entries.put(name, measure(zip));
            }
        }
        require(manifestXml, "manifest.xml");
        require(signature, "manifest.sig");
        require(signer, "signer.cer");
        return new Raw(manifestXml, signature, signer, entries);
    }

    private boolean isDuplicateReserved(String name) {
        return switch (name) {
            case "manifest.xml" -> manifestXml != null;
            case "manifest.sig" -> signature != null;
            case "signer.cer" -> signer != null;
            default -> false;
        };
    }

    private Measured measure(InputStream in) throws IOException {
        // signer.cer normally comes first and fixes the one digest needed; otherwise compute both
        String[] algorithms = signer == null ? DIGESTS
                : new String[] {SignatureProfile.forKey(signer.getPublicKey()).digestAlgorithm()};
        MessageDigest[] digests = new MessageDigest[algorithms.length];
        for (int i = 0; i < algorithms.length; i++) {
            digests[i] = Crypto.digest(algorithms[i]);
        }
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count(n);
            for (MessageDigest digest : digests) {
                digest.update(buffer, 0, n);
            }
            size += n;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < algorithms.length; i++) {
            result.put(algorithms[i], Base64.getEncoder().encodeToString(digests[i].digest()));
        }
        return new Measured(size, result);
    }

    private byte[] readSmall(InputStream in, long max, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count(n);
            if (bytes.size() + n > max) {
                throw tooLarge(name + " is larger than " + max + " bytes");
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    private void count(int n) {
        total += n;
        if (total > limits.maxTotalSize().toBytes()) {
            throw tooLarge("more than " + limits.maxTotalSize().toBytes() + " bytes uncompressed");
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return Crypto.certificate(der);
        } catch (CertificateException | RuntimeException e) {
            throw SedxException.because(ErrorCode.SIGNATURE_INVALID, "signer.cer is not a certificate", e);
        }
    }

    private static void require(Object part, String name) {
        if (part == null) {
            throw new SedxException(ErrorCode.ENTRY_MISSING, "the package has no " + name);
        }
    }

    private static SedxException tooLarge(String detail) {
        return new SedxException(ErrorCode.PAYLOAD_TOO_LARGE, "exchange package: " + detail);
    }
}
