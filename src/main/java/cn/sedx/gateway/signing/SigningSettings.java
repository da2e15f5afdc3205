package cn.sedx.gateway.signing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Signing keys, trust store and exchange-package limits ({@code sedx.signing}). With nothing
 * configured, the sample keys in {@code certs-sample/} are used (see {@link #SAMPLE_KEY_NAMES}).
 *
 * @param sampleKeys whether the sample keys of {@code certs-sample/} are added under their default names
 * @param keys signing keys by name; an entry here replaces the sample key of the same name
 * @param trustStore the roots trusted to issue signer certificates of receipts and submissions
 * @param expiryWarning how long before a signing certificate's notAfter the health check warns
 * @param packageLimits bounds applied when reading an exchange package (zip-bomb guard)
 */
@Validated
@ConfigurationProperties("sedx.signing")
public record SigningSettings(
        Boolean sampleKeys,
        Map<String, @Valid Key> keys,
        @Valid Store trustStore,
        Duration expiryWarning,
        @Valid PackageLimits packageLimits) {

    /** Key names present by default, each {@code file:certs-sample/<name>.p12}, alias {@code signing}. */
    public static final List<String> SAMPLE_KEY_NAMES = List.of(
            "gateway-sm2", "gateway-rsa", "gateway-ecdsa",
            "provincial-sm2", "provincial-rsa", "provincial-ecdsa",
            "national-sm2", "national-rsa", "national-ecdsa");

    /** Folder of the sample PKI; only keystores below it may fall back to {@link #SAMPLE_PASSWORD}. */
    public static final String SAMPLE_FOLDER = "certs-sample/";

    /** Password of every sample keystore; never a fallback for keystores elsewhere. */
    static final String SAMPLE_PASSWORD = "sedx-sample";

    public SigningSettings {
        sampleKeys = sampleKeys == null || sampleKeys;
        keys = mergeKeys(sampleKeys, keys);
        trustStore = trustStore == null ? new Store("file:" + SAMPLE_FOLDER + "truststore.p12", null, null)
                : trustStore;
        expiryWarning = expiryWarning == null ? Duration.ofDays(30) : expiryWarning;
        packageLimits = packageLimits == null ? new PackageLimits(null, null, null) : packageLimits;
    }

    /** Settings with every default: the sample keys and trust store. */
    public static SigningSettings defaults() {
        return new SigningSettings(null, null, null, null, null);
    }

    private static Map<String, Key> mergeKeys(boolean sampleKeys, Map<String, Key> configured) {
        Map<String, Key> merged = new LinkedHashMap<>();
        if (sampleKeys) {
            for (String name : SAMPLE_KEY_NAMES) {
                merged.put(name, new Key("file:" + SAMPLE_FOLDER + name + ".p12", null, null, null));
            }
        }
        if (configured != null) {
            merged.putAll(configured);
        }
        return Map.copyOf(merged);
    }

    /**
     * One signing key in a keystore.
     *
     * @param location Spring resource string of the keystore, e.g. {@code file:/etc/sedx/gateway-sm2.p12}
     * @param type keystore type; PKCS12 by default
     * @param alias alias of the private-key entry; {@code signing} by default
     * @param password keystore and key password, from the environment; may be omitted only for sample keystores
     */
    public record Key(@NotBlank String location, String type, String alias, String password) {

        public Key {
            type = type == null ? "PKCS12" : type;
            alias = alias == null ? "signing" : alias;
        }

        @Override
        public String toString() {
            return "Key[location=" + location + ", type=" + type + ", alias=" + alias + ", password="
                    + (password == null ? "(sample default)" : "****") + "]";
        }
    }

    /**
     * A keystore of trusted certificates.
     *
     * @param location Spring resource string of the trust store
     * @param type keystore type; PKCS12 by default
     * @param password trust-store password, from the environment; may be omitted only for the sample trust store
     */
    public record Store(@NotBlank String location, String type, String password) {

        public Store {
            type = type == null ? "PKCS12" : type;
        }

        @Override
        public String toString() {
            return "Store[location=" + location + ", type=" + type + ", password="
                    + (password == null ? "(sample default)" : "****") + "]";
        }
    }

    /**
     * Bounds on an exchange package being read, checked on the bytes actually inflated.
     *
     * @param maxEntries most ZIP entries accepted, manifest, signature and certificate included
     * @param maxTotalSize most uncompressed bytes accepted over all entries
     * @param maxManifestSize most bytes accepted for {@code manifest.xml}
     */
    public record PackageLimits(@Positive Integer maxEntries, DataSize maxTotalSize, DataSize maxManifestSize) {

        public PackageLimits {
            maxEntries = maxEntries == null ? 1000 : maxEntries;
            maxTotalSize = maxTotalSize == null ? DataSize.ofGigabytes(2) : maxTotalSize;
            maxManifestSize = maxManifestSize == null ? DataSize.ofMegabytes(4) : maxManifestSize;
        }
    }
}
