package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

/**
 * The gateway's signing keys by name, every one loaded when this is built so a missing keystore or
 * wrong password stops start-up. Thread-safe.
 *
 * <p>An expired certificate does not stop start-up (the health check shows it), but
 * {@link #signer(String)} refuses it, so no delivery goes out with a signature no one will accept.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Map<String, Signer> signers;
    private final Clock clock;

    /**
     * @throws SedxException with {@link ErrorCode#SIGNING_KEY_UNAVAILABLE} if any configured key cannot be loaded
     */
    public SigningKeys(SigningSettings settings, ResourceLoader resources, Clock clock) {
        this.clock = clock;
        KeyStores stores = new KeyStores(resources);
        Map<String, Signer> loaded = new TreeMap<>();
        settings.keys().forEach((name, key) -> loaded.put(name, stores.signer(name, key)));
        this.signers = Map.copyOf(loaded);
        new TreeMap<>(signers).forEach((name, signer) -> logLoaded(name, signer, settings));
    }

    /**
     * The signer of a configured key, ready to use now.
     *
     * @throws SedxException {@link ErrorCode#SIGNING_KEY_UNAVAILABLE} for an unknown name,
     *     {@link ErrorCode#CERT_EXPIRED} / {@link ErrorCode#CERT_NOT_YET_VALID} when its certificate is not valid now
     */
    public Signer signer(String keyName) {
        Signer signer = signers.get(keyName);
        if (signer == null) {
            throw new SedxException(ErrorCode.SIGNING_KEY_UNAVAILABLE, "no signing key named '" + keyName + "'");
        }
        Instant now = clock.instant();
        if (now.isAfter(signer.notAfter())) {
            throw new SedxException(ErrorCode.CERT_EXPIRED, "signing key '" + keyName + "': its certificate "
                    + "expired " + signer.notAfter() + "; renew it before delivering");
        }
        if (now.isBefore(signer.notBefore())) {
            throw new SedxException(ErrorCode.CERT_NOT_YET_VALID, "signing key '" + keyName
                    + "': its certificate is valid only from " + signer.notBefore());
        }
        return signer;
    }

    /**
     * The certificate of one key setting, loaded exactly as start-up loads it, for checks that report every bad key
     * rather than stopping at the first.
     *
     * @throws SedxException with {@link ErrorCode#SIGNING_KEY_UNAVAILABLE} if the key cannot be loaded
     */
    public static X509Certificate certificateOf(String name, SigningSettings.Key key, ResourceLoader resources) {
        return new KeyStores(resources).signer(name, key).certificate();
    }

    /** The signer of a configured key whatever its validity, or null. */
    Signer loaded(String keyName) {
        return signers.get(keyName);
    }

    /** Every configured key's certificate by key name (sorted), whatever its validity. */
    public Map<String, X509Certificate> certificates() {
        Map<String, X509Certificate> certificates = new TreeMap<>();
        signers.forEach((name, signer) -> certificates.put(name, signer.certificate()));
        return certificates;
    }

    private void logLoaded(String name, Signer signer, SigningSettings settings) {
        Instant notAfter = signer.notAfter();
        Instant now = clock.instant();
        if (now.isAfter(notAfter)) {
            log.error("Signing key '{}' ({}): certificate EXPIRED {}; deliveries using it will stop",
                    name, signer.profile().headerValue(), notAfter);
        } else if (now.plus(settings.expiryWarning()).isAfter(notAfter)) {
            log.warn("Signing key '{}' ({}): certificate expires {}", name, signer.profile().headerValue(), notAfter);
        } else {
            log.info("Signing key '{}' ({}) loaded: {}, valid until {}", name, signer.profile().headerValue(),
                    signer.certificate().getSubjectX500Principal().getName(), notAfter);
        }
    }
}
