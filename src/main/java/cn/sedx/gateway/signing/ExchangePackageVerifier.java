package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies an exchange package in one streaming pass. Checks, each failure with its own code:
 * the ZIP stays within the {@link SigningSettings.PackageLimits} ({@link ErrorCode#PAYLOAD_TOO_LARGE});
 * {@code manifest.xml}, {@code manifest.sig}, {@code signer.cer} are present ({@link ErrorCode#ENTRY_MISSING});
 * the signature over the manifest bytes verifies with the certificate's key and the manifest is
 * valid against its schema and names that profile ({@link ErrorCode#SIGNATURE_INVALID}); the
 * certificate chains to the trust store ({@link ErrorCode#CERT_UNTRUSTED}) and was valid at the
 * manifest's {@code createdAt} ({@link ErrorCode#CERT_EXPIRED}, {@link ErrorCode#CERT_NOT_YET_VALID});
 * every listed entry is present ({@link ErrorCode#ENTRY_MISSING}), no other is
 * ({@link ErrorCode#ENTRY_UNEXPECTED}), and each has the listed size and digest
 * ({@link ErrorCode#DIGEST_MISMATCH}). Thread-safe.
 */
public class ExchangePackageVerifier {

    private final SignatureVerifier signatures;
    private final SigningSettings.PackageLimits limits;
    private final ManifestReader manifests = new ManifestReader();

    public ExchangePackageVerifier(SignatureVerifier signatures, SigningSettings.PackageLimits limits) {
        this.signatures = signatures;
        this.limits = limits;
    }

    /**
     * Verifies a package read from a stream, to its end; the caller closes the stream.
     *
     * @throws SedxException with the code of the first check that fails (never recoverable)
     * @throws UncheckedIOException when the stream cannot be read
     */
    public VerifiedPackage verify(InputStream zip) {
        PackageReader.Raw raw;
        try {
            raw = new PackageReader(limits).read(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read exchange package", e);
        }
        return check(raw);
    }

    /**
     * Verifies a package file. Also checks that the ZIP's central directory lists exactly the entries
     * the stream held, so a reader that trusts the directory sees what was verified.
     */
    public VerifiedPackage verify(Path zip) {
        VerifiedPackage verified;
        try (InputStream in = Files.newInputStream(zip)) {
            verified = verify(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read exchange package " + zip, e);
        }
        checkCentralDirectory(zip, verified);
        return verified;
    }

    private VerifiedPackage check(PackageReader.Raw raw) {
        SignatureProfile profile = SignatureProfile.forKey(raw.signer().getPublicKey());
        if (!SignatureVerifier.signatureMatches(profile, raw.manifestXml(), raw.signature(), raw.signer())) {
            throw failure(ErrorCode.SIGNATURE_INVALID, "manifest.sig does not verify with "
                    + SignatureVerifier.subject(raw.signer()));
        }
        ManifestReader.Parsed parsed = manifests.read(raw.manifestXml());
        if (parsed.profile() != profile || !profile.digestAlgorithm().equals(parsed.digestAlgorithm())) {
            throw failure(ErrorCode.SIGNATURE_INVALID, "the manifest names " + parsed.profile().headerValue()
                    + " / " + parsed.digestAlgorithm() + " but the signer's key is for " + profile.headerValue());
        }
        signatures.verifyCertificate(raw.signer(), parsed.manifest().createdAt());
        checkEntries(parsed, raw.entries());
        return new VerifiedPackage(parsed.manifest(), profile, raw.signer(), parsed.entries());
    }

    private static void checkEntries(ManifestReader.Parsed parsed, Map<String, PackageReader.Measured> present) {
        Map<String, PackageReader.Measured> unlisted = new HashMap<>(present);
        for (ManifestEntry listed : parsed.entries()) {
            PackageReader.Measured measured = unlisted.remove(listed.name());
            if (measured == null) {
                throw failure(ErrorCode.ENTRY_MISSING, "entry '" + listed.name() + "' is listed but absent");
            }
            if (measured.size() != listed.size()
                    || !listed.digest().equals(measured.digests().get(parsed.digestAlgorithm()))) {
                throw failure(ErrorCode.DIGEST_MISMATCH, "entry '" + listed.name() + "' does not match its "
                        + parsed.digestAlgorithm() + " digest or size in the manifest");
            }
        }
        if (!unlisted.isEmpty()) {
            throw failure(ErrorCode.ENTRY_UNEXPECTED, "entries not in the manifest: " + unlisted.keySet());
        }
    }

    private static void checkCentralDirectory(Path zip, VerifiedPackage verified) {
        Set<String> expected = new HashSet<>(List.of("manifest.xml", "manifest.sig", "signer.cer"));
        verified.entries().forEach(entry -> expected.add(entry.name()));
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
            if (names.size() != expected.size() || !expected.containsAll(names)) {
                throw failure(ErrorCode.ENTRY_UNEXPECTED, "the ZIP directory lists " + names
                        + ", not the entries that were verified");
            }
        } catch (IOException e) {
            throw failure(ErrorCode.ENTRY_UNEXPECTED, "the ZIP directory cannot be read: " + e.getMessage());
        }
    }

    private static SedxException failure(ErrorCode code, String detail) {
        return new SedxException(code, detail);
    }
}
