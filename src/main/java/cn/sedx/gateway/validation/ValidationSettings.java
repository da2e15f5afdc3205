package cn.sedx.gateway.validation;

import cn.sedx.gateway.model.Role;
import cn.sedx.gateway.model.UnitKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param acceptBingtuanRegion      whether region codes under 66 (新疆生产建设兵团, not a GB/T 2260 prefix) are
 *     accepted for units; default true
 * @param ordersEffectiveDate       the day Orders No. 73 and No. 74 took effect: a safety record for a period that
 *     ends before it is refused; default 2023-05-05
 * @param lateFiling                how long after its period a safety record may be filed before it carries a
 *     LATE_FILING warning; default 7 days (daily), 14 days (weekly), 45 days (monthly)
 * @param requiredMainRecipient     the organisation a year-end report's 主送 must include; default
 *     市场监管总局特种设备局; blank: not checked
 * @param requireSigner             whether a year-end report without 签发人 is refused (SIGNER_MISSING); default
 *     false (accepted, as before the field existed)
 */
@Validated
@ConfigurationProperties("sedx.validation")
public record ValidationSettings(
        Map<UnitKind, List<@Valid RolePair>> prohibitedConcurrentRoles,
        Set<String> allowedAttachmentTypes,
        DataSize maxAttachmentSize,
        Boolean acceptLegacyDeviceCodes,
        Boolean acceptBingtuanRegion,
        LocalDate ordersEffectiveDate,
        @Valid LateFiling lateFiling,
        String requiredMainRecipient,
        Boolean requireSigner) {

    /** The media types accepted when none are configured. */
    public static final Set<String> DEFAULT_ATTACHMENT_TYPES = Set.of("application/pdf", "application/ofd");

    /** The attachment size limit when none is configured. */
    public static final DataSize DEFAULT_MAX_ATTACHMENT_SIZE = DataSize.ofMegabytes(8);

    /** The day the Orders took effect when none is configured. */
    public static final LocalDate ORDERS_EFFECTIVE = LocalDate.of(2023, 5, 5);

    /** The 主送 a year-end report must include when none is configured. */
    public static final String SAMR_SPECIAL_EQUIPMENT_BUREAU = "市场监管总局特种设备局";

    @ConstructorBinding
    public ValidationSettings {
        prohibitedConcurrentRoles = prohibitedConcurrentRoles == null
                ? defaultProhibitedRoles()
                : Map.copyOf(prohibitedConcurrentRoles);
        allowedAttachmentTypes = allowedAttachmentTypes == null
                ? DEFAULT_ATTACHMENT_TYPES
                : Set.copyOf(allowedAttachmentTypes);
        maxAttachmentSize = maxAttachmentSize == null ? DEFAULT_MAX_ATTACHMENT_SIZE : maxAttachmentSize;
        acceptLegacyDeviceCodes = acceptLegacyDeviceCodes == null || acceptLegacyDeviceCodes;
        acceptBingtuanRegion = acceptBingtuanRegion == null || acceptBingtuanRegion;
        ordersEffectiveDate = ordersEffectiveDate == null ? ORDERS_EFFECTIVE : ordersEffectiveDate;
        lateFiling = lateFiling == null ? new LateFiling(null, null, null) : lateFiling;
        requiredMainRecipient = requiredMainRecipient == null ? SAMR_SPECIAL_EQUIPMENT_BUREAU : requiredMainRecipient;
        requireSigner = requireSigner != null && requireSigner;
        if (maxAttachmentSize.isNegative()) {
            throw new IllegalArgumentException("sedx.validation.max-attachment-size must not be negative");
        }
    }

    /** The settings of the four keys that existed before issue 13, the others at their defaults. */
    public ValidationSettings(Map<UnitKind, List<RolePair>> prohibitedConcurrentRoles,
            Set<String> allowedAttachmentTypes, DataSize maxAttachmentSize, Boolean acceptLegacyDeviceCodes) {
        this(prohibitedConcurrentRoles, allowedAttachmentTypes, maxAttachmentSize, acceptLegacyDeviceCodes, null,
                null, null, null, null);
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

    /**
     * How long after the end of its period a record may be filed without a LATE_FILING warning (whole days count).
     *
     * @param daily   for a 每日安全检查记录; default 7 days
     * @param weekly  for a 每周安全排查治理报告; default 14 days
     * @param monthly for a 每月安全调度会议纪要; default 45 days
     */
    public record LateFiling(Duration daily, Duration weekly, Duration monthly) {

        public LateFiling {
            daily = daily == null ? Duration.ofDays(7) : daily;
            weekly = weekly == null ? Duration.ofDays(14) : weekly;
            monthly = monthly == null ? Duration.ofDays(45) : monthly;
            if (daily.isNegative() || weekly.isNegative() || monthly.isNegative()) {
                throw new IllegalArgumentException("sedx.validation.late-filing.* must not be negative");
            }
        }
    }
}
