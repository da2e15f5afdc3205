package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SM4-GCM sealing of stored payloads: round trip, integrity, binding to the message, rotation, clear legacy rows. */
class PayloadCipherTests {

    private static final byte[] FILING = "{\"persons\":[{\"idNumber\":\"11010519491231002X\",\"mobile\":\"13812345678\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final byte[] k1 = key();
    private final PayloadCipher cipher = PayloadCipher.of("k1", Map.of("k1", k1));

    @Test
    void sealsSoNoPersonalNumberIsLeftInClearAndOpensToTheExactBytes() {
        byte[] sealed = cipher.seal("m-1", FILING);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("11010519491231002X", "13812345678");
        assertThat(PayloadCipher.keyIdOf(sealed)).isEqualTo("k1");
        assertThat(sealed).hasSize(FILING.length + 4 + 2 + 2 + 12 + 16);
        assertThat(cipher.open("m-1", sealed)).isEqualTo(FILING);
        assertThat(cipher.seal("m-1", FILING)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void refusesAPayloadThatWasAlteredOrMovedToAnotherMessage() {
        byte[] sealed = cipher.seal("m-1", FILING);
        byte[] altered = sealed.clone();
        altered[altered.length - 20] ^= 1;

        assertThatThrownBy(() -> cipher.open("m-1", altered)).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> cipher.open("m-2", sealed)).hasMessageContaining("does not authenticate");
    }

    @Test
    void aRotatedCipherSealsUnderTheNewKeyAndStillOpensTheOld() {
        byte[] old = cipher.seal("m-1", FILING);
        PayloadCipher rotated = PayloadCipher.of("k2", Map.of("k1", k1, "k2", key()));

        byte[] fresh = rotated.seal("m-2", FILING);

        assertThat(PayloadCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(rotated.open("m-1", old)).isEqualTo(FILING);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThatThrownBy(() -> cipher.open("m-2", fresh)).hasMessageContaining("k2").hasMessageContaining(
                "not configured");
    }

    @Test
    void returnsPayloadsStoredInClearAsTheyAre() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(cipher.open("m-1", FILING)).isSameAs(FILING);
        assertThat(cipher.open("m-1", zip)).isSameAs(zip);
        assertThat(PayloadCipher.of(null, Map.of("k1", k1)).seal("m-1", FILING)).isSameAs(FILING);
    }

    @Test
    void refusesKeysOfTheWrongSizeOrName() {
        assertThatThrownBy(() -> PayloadCipher.of("k1", Map.of("k1", new byte[8]))).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> PayloadCipher.of("a key", Map.of("a key", key()))).hasMessageContaining("key id");
        assertThatThrownBy(() -> PayloadCipher.of("k3", Map.of("k1", k1))).hasMessageContaining("no key k3");
    }
}
