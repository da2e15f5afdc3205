package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ValidationSettingsTests {

    private static ValidationSettings bind(Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("sedx.validation", ValidationSettings.class);
    }

    @Test
    void appliesTheDefaultsWhenNothingIsConfigured() {
        ValidationSettings settings = bind(Map.of());

        assertThat(settings.prohibitedFor(UnitKind.PRODUCTION)).containsExactly(
                new ValidationSettings.RolePair(Role.QUALITY_SAFETY_DIRECTOR, Role.QUALITY_SAFETY_OFFICER));
        assertThat(settings.prohibitedFor(UnitKind.USE)).isEmpty();
        assertThat(settings.prohibitedFor(UnitKind.FILLING)).isEmpty();
        assertThat(settings.allowedAttachmentTypes()).containsExactlyInAnyOrder("application/pdf", "application/ofd");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(settings.acceptLegacyDeviceCodes()).isTrue();
        assertThat(settings.acceptBingtuanRegion()).isTrue();
        assertThat(settings.ordersEffectiveDate()).isEqualTo(LocalDate.of(2023, 5, 5));
        assertThat(settings.lateFiling()).isEqualTo(new ValidationSettings.LateFiling(Duration.ofDays(7),
                Duration.ofDays(14), Duration.ofDays(45)));
        assertThat(settings.requiredMainRecipient()).isEqualTo("市场监管总局特种设备局");
        assertThat(settings.requireSigner()).isFalse();
        assertThat(settings).isEqualTo(ValidationSettings.defaults());
    }

    @Test
    void bindsEverySetting() {
        ValidationSettings settings = bind(Map.ofEntries(
                Map.entry("sedx.validation.prohibited-concurrent-roles.use[0].first", "SAFETY_DIRECTOR"),
                Map.entry("sedx.validation.prohibited-concurrent-roles.use[0].second", "SAFETY_OFFICER"),
                Map.entry("sedx.validation.allowed-attachment-types", "application/pdf"),
                Map.entry("sedx.validation.max-attachment-size", "2MB"),
                Map.entry("sedx.validation.accept-legacy-device-codes", "false"),
                Map.entry("sedx.validation.accept-bingtuan-region", "false"),
                Map.entry("sedx.validation.orders-effective-date", "2023-06-01"),
                Map.entry("sedx.validation.late-filing.daily", "3d"),
                Map.entry("sedx.validation.late-filing.monthly", "60d"),
                Map.entry("sedx.validation.required-main-recipient", "广东省人民政府"),
                Map.entry("sedx.validation.require-signer", "true")));

        assertThat(settings.prohibitedFor(UnitKind.USE)).singleElement()
                .satisfies(pair -> assertThat(pair.matches(Role.SAFETY_OFFICER, Role.SAFETY_DIRECTOR)).isTrue());
        assertThat(settings.prohibitedFor(UnitKind.PRODUCTION)).isEmpty();
        assertThat(settings.allowedAttachmentTypes()).containsExactly("application/pdf");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(settings.acceptLegacyDeviceCodes()).isFalse();
        assertThat(settings.acceptBingtuanRegion()).isFalse();
        assertThat(settings.ordersEffectiveDate()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(settings.lateFiling()).isEqualTo(new ValidationSettings.LateFiling(Duration.ofDays(3),
                Duration.ofDays(14), Duration.ofDays(60)));
        assertThat(settings.requiredMainRecipient()).isEqualTo("广东省人民政府");
        assertThat(settings.requireSigner()).isTrue();
    }

    @Test
    void refusesANegativeLateFilingAllowance() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ValidationSettings.LateFiling(Duration.ofDays(-1), null, null));
    }
}
