package cn.sedx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
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
        assertThat(settings).isEqualTo(ValidationSettings.defaults());
    }

    @Test
    void bindsEverySetting() {
        ValidationSettings settings = bind(Map.of(
                "sedx.validation.prohibited-concurrent-roles.use[0].first", "SAFETY_DIRECTOR",
                "sedx.validation.prohibited-concurrent-roles.use[0].second", "SAFETY_OFFICER",
                "sedx.validation.allowed-attachment-types", "application/pdf",
                "sedx.validation.max-attachment-size", "2MB",
                "sedx.validation.accept-legacy-device-codes", "false"));

        assertThat(settings.prohibitedFor(UnitKind.USE)).singleElement()
                .satisfies(pair -> assertThat(pair.matches(Role.SAFETY_OFFICER, Role.SAFETY_DIRECTOR)).isTrue());
        assertThat(settings.prohibitedFor(UnitKind.PRODUCTION)).isEmpty();
        assertThat(settings.allowedAttachmentTypes()).containsExactly("application/pdf");
        assertThat(settings.maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(settings.acceptLegacyDeviceCodes()).isFalse();
    }
}
