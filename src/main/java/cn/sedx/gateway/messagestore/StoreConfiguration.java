package cn.sedx.gateway.messagestore;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the store's collaborators. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** The data folder and the database file private to their owner, before the data source opens them. */
    @Bean
    static DataFolder dataFolder() {
        return new DataFolder();
    }

    /** Seals stored payloads with SM4-GCM (docs/security.md); refuses to start without a key where one is required. */
    @Bean
    PayloadCipher payloadCipher(StoreEncryptionSettings settings) {
        return StoreKeys.cipher(settings);
    }

    /** The gateway's one clock; tests replace it to fix "now". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
