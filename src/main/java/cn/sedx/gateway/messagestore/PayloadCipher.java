package cn.sedx.gateway.messagestore;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts stored payloads with SM4-GCM (BouncyCastle's lightweight API: one cipher per thread and key, no
 * provider lookups) at the message-store boundary, so filings with ID numbers and mobiles never sit in clear in the
 * database. A sealed payload is self-describing:
 *
 * <pre>
 *   00 'S' 'M' '4'   magic (no JSON document or ZIP package starts with a NUL byte)
 *   01               format version
 *   n, key id        the key's id: 1 byte length, then n ASCII bytes
 *   12 bytes         random nonce
 *   ciphertext, 16-byte tag
 * </pre>
 *
 * The header and the message id are the associated data, so a ciphertext moved to another row, or given another
 * key id, does not open. New payloads are sealed under the current key; payloads under older keys still open
 * (rotation), and payloads stored in clear before encryption was on are returned as they are. Thread-safe.
 */
public final class PayloadCipher {

    private static final byte[] MAGIC = {0, 'S', 'M', '4'};
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final String currentId;
    private final Map<String, KeyParameter> keys;
    private final ThreadLocal<Map<String, GCMModeCipher>> ciphers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(PayloadCipher::drbg);

    private PayloadCipher(String currentId, Map<String, KeyParameter> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * A cipher sealing under {@code currentId}.
     *
     * @param currentId the key new payloads are sealed under; null stores new payloads in clear (encryption off)
     * @param keys      every key that may open a payload, by id, 16 bytes each; holds {@code currentId}
     */
    public static PayloadCipher of(String currentId, Map<String, byte[]> keys) {
        if (currentId != null && !keys.containsKey(currentId)) {
            throw new IllegalArgumentException("no key " + currentId + " among the store keys");
        }
        Map<String, KeyParameter> parameters = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a store key id is 1 to 32 of A-Z a-z 0-9 . _ -: " + id);
            }
            if (key.length != 16) {
                throw new IllegalArgumentException("store key " + id + " is not 16 bytes (SM4-128)");
            }
            parameters.put(id, new KeyParameter(key.clone()));
        });
        return new PayloadCipher(currentId, Map.copyOf(parameters));
    }

    /** A cipher that stores payloads in clear and opens only clear ones (no keys at all). */
    public static PayloadCipher off() {
        return new PayloadCipher(null, Map.of());
    }

    /** Whether new payloads are sealed. */
    public boolean sealing() {
        return currentId != null;
    }

    /** The id of the key new payloads are sealed under, or null when encryption is off. */
    public String currentKeyId() {
        return currentId;
    }

    /** The payload as it is to be stored: sealed under the current key, or {@code clear} itself when off. */
    public byte[] seal(String messageId, byte[] clear) {
        if (currentId == null) {
            return clear;
        }
        byte[] header = header(currentId);
        byte[] nonce = new byte[NONCE];
        random.get().nextBytes(nonce);
        GCMModeCipher gcm = cipher(currentId, true, nonce, header, messageId);
        byte[] out = new byte[header.length + NONCE + gcm.getOutputSize(clear.length)];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(nonce, 0, out, header.length, NONCE);
        int at = header.length + NONCE;
        int written = gcm.processBytes(clear, 0, clear.length, out, at);
        try {
            gcm.doFinal(out, at + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM cannot fail to encrypt", e);
        }
        return out;
    }

    /**
     * The clear payload of a stored one: opened when sealed, as it is when stored in clear.
     *
     * @throws IllegalStateException when its key is not configured or it does not authenticate (altered, or moved
     *     from another message): such a payload cannot be trusted, so it is never returned
     */
    public byte[] open(String messageId, byte[] stored) {
        String keyId = keyIdOf(stored);
        if (keyId == null) {
            return stored;
        }
        if (!keys.containsKey(keyId)) {
            throw new IllegalStateException("message " + messageId + " is sealed under store key " + keyId
                    + ", which is not configured (sedx.store.encryption)");
        }
        int headerLength = MAGIC.length + 2 + keyId.length();
        byte[] header = Arrays.copyOf(stored, headerLength);
        byte[] nonce = Arrays.copyOfRange(stored, headerLength, headerLength + NONCE);
        GCMModeCipher gcm = cipher(keyId, false, nonce, header, messageId);
        int at = headerLength + NONCE;
        byte[] clear = new byte[gcm.getOutputSize(stored.length - at)];
        int written = gcm.processBytes(stored, at, stored.length - at, clear, 0);
        try {
            written += gcm.doFinal(clear, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("the stored payload of message " + messageId + " does not authenticate", e);
        }
        return written == clear.length ? clear : Arrays.copyOf(clear, written);
    }

    /** The id of the key a stored payload is sealed under, or null when it is stored in clear. */
    public static String keyIdOf(byte[] stored) {
        if (stored.length < MAGIC.length + 2 + NONCE || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || stored[MAGIC.length] != VERSION) {
            return null;
        }
        int length = stored[MAGIC.length + 1];
        if (length < 1 || MAGIC.length + 2 + length + NONCE > stored.length) {
            return null;
        }
        return new String(stored, MAGIC.length + 2, length, StandardCharsets.US_ASCII);
    }

    /** Whether a stored payload is already as {@link #seal} would store it now (under the current key, or clear). */
    public boolean isCurrent(byte[] stored) {
        return Objects.equals(keyIdOf(stored), currentId);
    }

    private GCMModeCipher cipher(String keyId, boolean encrypt, byte[] nonce, byte[] header, String messageId) {
        GCMModeCipher gcm = ciphers.get().computeIfAbsent(keyId, id -> GCMBlockCipher.newInstance(new SM4Engine()));
        gcm.init(encrypt, new AEADParameters(keys.get(keyId), TAG_BITS, nonce, header));
        byte[] id = messageId.getBytes(StandardCharsets.UTF_8);
        gcm.processAADBytes(id, 0, id.length);
        return gcm;
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 2 + id.length);
        header[MAGIC.length] = VERSION;
        header[MAGIC.length + 1] = (byte) id.length;
        System.arraycopy(id, 0, header, MAGIC.length + 2, id.length);
        return header;
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
