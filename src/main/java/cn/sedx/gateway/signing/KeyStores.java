package cn.sedx.gateway.signing;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads keystores named by Spring resource strings; errors never carry a password. */
final class KeyStores {

    private final ResourceLoader resources;

    KeyStores(ResourceLoader resources) {
        this.resources = resources;
    }

    /** Loads the signer a key setting names; fails with SIGNING_KEY_UNAVAILABLE when anything is wrong. */
    Signer signer(String name, SigningSettings.Key key) {
        char[] password = password(name, key.location(), key.password());
        KeyStore store = load(name, key.location(), key.type(), password);
        try {
            if (!(store.getKey(key.alias(), password) instanceof PrivateKey privateKey)
                    || !(store.getCertificate(key.alias()) instanceof X509Certificate certificate)) {
                throw unavailable(name, "no private key with certificate under alias '" + key.alias() + "'", null);
            }
            return new Signer(privateKey, certificate);
        } catch (GeneralSecurityException e) {
            throw unavailable(name, "the key under alias '" + key.alias() + "' cannot be read", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Every certificate in a trust store, trusted-certificate and key entries alike. */
    List<X509Certificate> trustAnchors(SigningSettings.Store settings) {
        char[] password = password("trust store", settings.location(), settings.password());
        KeyStore store = load("trust store", settings.location(), settings.type(), password);
        try {
            List<X509Certificate> anchors = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    anchors.add(certificate);
                }
            }
            if (anchors.isEmpty()) {
                throw unavailable("trust store", "it holds no certificate", null);
            }
            return anchors;
        } catch (GeneralSecurityException e) {
            throw unavailable("trust store", "its entries cannot be read", e);
        }
    }

    private KeyStore load(String name, String location, String type, char[] password) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            KeyStore store = KeyStore.getInstance(type, Crypto.PROVIDER);
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // the exception text names neither password nor key material
            throw unavailable(name, "keystore " + location + " cannot be loaded (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    /** The configured password, or the sample password for keystores in the sample folder only. */
    private static char[] password(String name, String location, String configured) {
        if (configured != null) {
            return configured.toCharArray();
        }
        String path = location.substring(location.indexOf(':') + 1);
        if (path.startsWith(SigningSettings.SAMPLE_FOLDER) && !path.contains("..")) {
            return SigningSettings.SAMPLE_PASSWORD.toCharArray();
        }
        throw unavailable(name, "no password configured for " + location, null);
    }

    private static SedxException unavailable(String name, String detail, Throwable cause) {
        return SedxException.because(ErrorCode.SIGNING_KEY_UNAVAILABLE,
                "signing key '" + name + "': " + detail, cause);
    }
}
