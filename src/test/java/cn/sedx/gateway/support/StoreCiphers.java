package cn.sedx.gateway.support;

import cn.sedx.gateway.messagestore.PayloadCipher;
import java.util.Map;

/** The store cipher of tests that build a message store by hand: SM4 under a fixed all-zero test key. */
public final class StoreCiphers {

    /** Seals under key id {@code test-1}; never a production key. */
    public static final PayloadCipher TEST = PayloadCipher.of("test-1", Map.of("test-1", new byte[16]));

    private StoreCiphers() {}
}
