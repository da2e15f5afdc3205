package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the validation feature ({@code sedx.validation.*}). Every setting left out takes the default
 * named here, so an empty configuration is a working one.
 *
 * @param prohibitedConcurrentRoles pairs of roles one person may not hold together in a unit of the kind;
 *     default: PRODUCTION forbids QUALITY_SAFETY_DIRECTOR with QUALITY_SAFETY_OFFICER, USE and FILLING forbid none
 * @param allowedAttachmentTypes    media types a year-end report's attachments may have; default
 *     {@code application/pdf} and {@code application/ofd}
 * @param maxAttachmentSize         the largest decoded attachment accepted; default 8MB
 * @param acceptLegacyDeviceCodes   whether 20-digit legacy device codes are accepted with a
 *     DEVICE_CODE_LEGACY warning (else refused as DEVICE_CODE_FORMAT); default true
 */
@Validated
@ConfigurationProperties("sedx.validation")
public record ValidationSettings(
        Map<UnitKind, List<@Valid RolePair>> prohibitedConcurrentRoles,
        Set<String> allowedAttachmentTypes,
        DataSize maxAttachmentSize,
        Boolean acceptLegacyDeviceCodes) {

    /** The media types accepted when none are configured. */
    public static final Set<String> DEFAULT_ATTACHMENT_TYPES = Set.of("application/pdf", "application/ofd");

    /** The attachment size limit when none is configured. */
    public static final DataSize DEFAULT_MAX_ATTACHMENT_SIZE = DataSize.ofMegabytes(8);

    public ValidationSettings {
        prohibitedConcurrentRoles = prohibitedConcurrentRoles == null
                ? defaultProhibitedRoles()
                : Map.copyOf(prohibitedConcurrentRoles);
        allowedAttachmentTypes = allowedAttachmentTypes == null
                ? DEFAULT_ATTACHMENT_TYPES
                : Set.copyOf(allowedAttachmentTypes);
        maxAttachmentSize = maxAttachmentSize == null ? DEFAULT_MAX_ATTACHMENT_SIZE : maxAttachmentSize;
        acceptLegacyDeviceCodes = acceptLegacyDeviceCodes == null || acceptLegacyDeviceCodes;
        if (maxAttachmentSize.isNegative()) {
            throw new IllegalArgumentException("sedx.validation.max-attachment-size must not be negative");
        }
    }

    /** The settings that apply when nothing is configured. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(null, null, null, null);
    }

    /** The role pairs a unit of this kind may not give one person; empty when none. */
    public List<RolePair> prohibitedFor(UnitKind kind) {
        return prohibitedConcurrentRoles.getOrDefault(kind, List.of());
    }

    private static Map<UnitKind, List<RolePair>> defaultProhibitedRoles() {
        Map<UnitKind, List<RolePair>> roles = new EnumMap<>(UnitKind.class);
        roles.put(UnitKind.PRODUCTION,
                List.of(new RolePair(Role.QUALITY_SAFETY_DIRECTOR, Role.QUALITY_SAFETY_OFFICER)));
        return Map.copyOf(roles);
    }

    /**
     * Two roles one person may not hold together (in either order).
     *
     * @param first  one role
     * @param second the other role
     */
    public record RolePair(@NotNull Role first, @NotNull Role second) {

        /** Whether this pair is exactly these two roles, in either order. */
        public boolean matches(Role a, Role b) {
            return first == a && second == b || first == b && second == a;
        }
    }
}
