package cn.sedx.gateway.signing;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Wires the signing feature from {@link SigningSettings}. Every key and the trust store load when
 * the context starts, so a missing keystore or wrong password stops start-up. Uses the context's
 * {@link Clock} bean if there is one, else the UTC system clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningSettings.class)
class SigningConfiguration {

    @Bean
    SigningKeys signingKeys(SigningSettings settings, ResourceLoader resources, ObjectProvider<Clock> clock) {
        return new SigningKeys(settings, resources, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SignatureVerifier signatureVerifier(SigningSettings settings, ResourceLoader resources) {
        return SignatureVerifier.fromTrustStore(settings.trustStore(), resources);
    }

    @Bean
    ExchangePackageWriter exchangePackageWriter() {
        return new ExchangePackageWriter();
    }

    @Bean
    ExchangePackageVerifier exchangePackageVerifier(SignatureVerifier verifier, SigningSettings settings) {
        return new ExchangePackageVerifier(verifier, settings.packageLimits());
    }

    @Bean
    XmlSignatures xmlSignatures(SignatureVerifier verifier) {
        return new XmlSignatures(verifier);
    }

    @Bean
    SigningCertificatesHealthIndicator signingCertificatesHealthIndicator(SigningKeys keys, SigningSettings settings,
            ObjectProvider<Clock> clock) {
        return new SigningCertificatesHealthIndicator(keys, settings.expiryWarning(),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
