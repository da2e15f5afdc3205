package cn.sedx.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.SedxException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class SigningConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SigningConfiguration.class);

    @Test
    void startsWithTheSampleKeysWhenNothingIsConfigured() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(SigningKeys.class).certificates())
                    .containsOnlyKeys(SigningSettings.SAMPLE_KEY_NAMES);
            assertThat(started.getBean(SignatureVerifier.class).trustAnchors()).hasSize(3);
            assertThat(started).hasSingleBean(ExchangePackageWriter.class).hasSingleBean(ExchangePackageVerifier.class)
                    .hasSingleBean(XmlSignatures.class).hasBean("signingCertificatesHealthIndicator");
        });
    }

    @Test
    void bindsKeysLimitsAndWarningWindowFromProperties() {
        context.withPropertyValues(
                        "sedx.signing.sample-keys=false",
                        "sedx.signing.keys.delivery-key.location=file:certs-sample/national-rsa.p12",
                        "sedx.signing.keys.delivery-key.password=sedx-sample",
                        "sedx.signing.expiry-warning=10d",
                        "sedx.signing.package-limits.max-entries=7",
                        "sedx.signing.package-limits.max-total-size=5MB")
                .run(started -> {
                    SigningSettings settings = started.getBean(SigningSettings.class);
                    assertThat(settings.keys()).containsOnlyKeys("delivery-key");
                    assertThat(settings.expiryWarning()).isEqualTo(Duration.ofDays(10));
                    assertThat(settings.packageLimits().maxEntries()).isEqualTo(7);
                    assertThat(settings.packageLimits().maxTotalSize()).isEqualTo(DataSize.ofMegabytes(5));
                    assertThat(started.getBean(SigningKeys.class).signer("delivery-key").profile())
                            .isEqualTo(SignatureProfile.RSA_SHA256);
                });
    }

    @Test
    void failsStartUpWhenAConfiguredKeystoreIsMissing() {
        context.withPropertyValues("sedx.signing.keys.gateway-sm2.location=file:/nonexistent/gateway-sm2.p12",
                        "sedx.signing.keys.gateway-sm2.password=x")
                .run(started -> {
                    assertThat(started).hasFailed();
                    Throwable failure = started.getStartupFailure();
                    while (failure != null && !(failure instanceof SedxException)) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOfSatisfying(SedxException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNING_KEY_UNAVAILABLE));
                });
    }
}
