package cn.sedx.gateway.messagestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link PayloadCipher} from {@link StoreEncryptionSettings}: the current key from the environment, or
 * else this install's key file (generated once when allowed), plus the older keys and the key file's key, which
 * keep opening what they sealed. Logs one line saying which key seals, never a key.
 */
final class StoreKeys {

    private static final Logger log = LoggerFactory.getLogger(StoreKeys.class);

    private StoreKeys() {}

    /** @throws IllegalStateException when encryption is on and there is no key to seal with (production) */
    static PayloadCipher cipher(StoreEncryptionSettings settings) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        parseList(settings.oldKeys(), keys);
        Path file = settings.keyFile();
        boolean hasKey = settings.key() != null && !settings.key().isBlank();
        if (!Files.exists(file) && settings.enabled() && !hasKey && settings.generateKeyFile()) {
            generate(file);
        }
        String fileKey = Files.exists(file) ? read(file, keys) : null;
        String current = null;
        if (hasKey) {
            if (settings.keyId() == null || settings.keyId().isBlank()) {
                throw new IllegalStateException("sedx.store.encryption.key is set without its key-id (SEDX_STORE_KEY_ID)");
            }
            current = settings.keyId();
            keys.put(current, decode(current, settings.key()));
        } else {
            current = fileKey;
        }
        if (!settings.enabled()) {
            log.warn("stored payloads are NOT encrypted (sedx.store.encryption.enabled=false); {} key(s) open older ones",
                    keys.size());
            return PayloadCipher.of(null, keys);
        }
        if (current == null) {
            throw new IllegalStateException("stored payloads must be encrypted but there is no key: set SEDX_STORE_KEY"
                    + " (base64 of 16 random bytes) and SEDX_STORE_KEY_ID (docs/security.md)");
        }
        log.info("stored payloads are sealed with SM4-GCM under key {} ({}); {} key(s) can open them", current,
                hasKey ? "from the environment" : "key file " + file, keys.size());
        return PayloadCipher.of(current, keys);
    }

    /** Reads {@code id:base64} lines into {@code keys}; answers the first id. */
    private static String read(Path file, Map<String, byte[]> keys) {
        try {
            String first = null;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String id = parse(line.strip(), keys);
                    first = first == null ? id : first;
                }
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store key file " + file, e);
        }
    }

    private static void generate(Path file) {
        byte[] key = new byte[16];
        byte[] id = new byte[4];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        random.nextBytes(id);
        String line = "local-" + HexFormat.of().formatHex(id) + ":" + Base64.getEncoder().encodeToString(key) + "\n";
        DataFolder.folder(file.toAbsolutePath().getParent());
        DataFolder.file(file);
        try {
            Files.writeString(file, "# SM4 key of this install's stored payloads: keep it with the database, never"
                    + " share it\n" + line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the store key file " + file, e);
        }
        log.info("generated a store key for this install in {} (mode 600)", file);
    }

    private static void parseList(String list, Map<String, byte[]> keys) {
        if (list != null) {
            for (String entry : list.split(",")) {
                if (!entry.isBlank()) {
                    parse(entry.strip(), keys);
                }
            }
        }
    }

    private static String parse(String entry, Map<String, byte[]> keys) {
        int colon = entry.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("a store key is written id:base64");
        }
        String id = entry.substring(0, colon);
        keys.put(id, decode(id, entry.substring(colon + 1)));
        return id;
    }

    private static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("store key " + id + " is not base64");
        }
    }
}
