package cn.sedx.gateway.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An exchange package whose signature, signer certificate and every entry digest have been checked.
 *
 * @param manifest what the manifest says about the message
 * @param profile the signature profile it was signed with
 * @param signer the signer's certificate, trusted and valid at {@code manifest.createdAt()}
 * @param entries the payload entries, in manifest order
 */
public record VerifiedPackage(
        PackageManifest manifest, SignatureProfile profile, X509Certificate signer, List<ManifestEntry> entries) {

    public VerifiedPackage {
        entries = List.copyOf(entries);
    }
}
