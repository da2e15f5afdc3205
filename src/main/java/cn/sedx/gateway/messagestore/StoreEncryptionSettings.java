package cn.sedx.gateway.messagestore;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Encryption of stored payloads at rest ({@code sedx.store.encryption.*}, docs/security.md). Keys come from the
 * environment and never reach {@link #toString()} or a log line.
 *
 * @param enabled         whether new payloads are sealed (SM4-GCM); payloads already sealed open either way
 * @param key             the key new payloads are sealed under, base64 of 16 bytes ({@code SEDX_STORE_KEY}); empty: the key file's
 * @param keyId           the id of the key new payloads are sealed under ({@code SEDX_STORE_KEY_ID})
 * @param oldKeys         older keys that still open payloads, {@code id:base64,id:base64} ({@code SEDX_STORE_OLD_KEYS})
 * @param keyFile         where a key generated for this install is kept (mode 600), and read from when no key is set
 * @param generateKeyFile whether a key file is generated when there is neither a key nor a key file (embedded
 *                        default); when false, a missing key stops the start (production)
 */
@Validated
@ConfigurationProperties("sedx.store.encryption")
record StoreEncryptionSettings(
        @DefaultValue("true") boolean enabled,
        String keyId,
        String key,
        String oldKeys,
        @NotNull Path keyFile,
        @DefaultValue("true") boolean generateKeyFile) {

    @Override
    public String toString() {
        return "StoreEncryptionSettings[enabled=" + enabled + ", keyId=" + keyId + ", keyFile=" + keyFile + "]";
    }
}
