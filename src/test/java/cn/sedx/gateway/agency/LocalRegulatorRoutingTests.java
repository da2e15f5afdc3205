package cn.sedx.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.delivery.DeliverySettings.Breaker;
import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.delivery.DeliverySettings.Retry;
import cn.sedx.gateway.delivery.DestinationKind;
import cn.sedx.gateway.delivery.Destinations;
import cn.sedx.gateway.shared.MessageType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing rule of agencies' reports, as plain Java: the LOCAL_REGULATOR whose region prefix is the longest that
 * the unit's region starts with (county, else city, else province); all of them on a tie; none outside every area.
 * The other campaign records go to the provincial platform.
 */
class LocalRegulatorRoutingTests {

    private final Destinations destinations = new Destinations(Map.of(
            "province-44", destination(DestinationKind.PROVINCIAL, "44", null),
            "regulator-44", destination(DestinationKind.LOCAL_REGULATOR, null, "44"),
            "regulator-4401", destination(DestinationKind.LOCAL_REGULATOR, null, "4401"),
            "regulator-440106", destination(DestinationKind.LOCAL_REGULATOR, null, "440106"),
            "regulator-440106-b", destination(DestinationKind.LOCAL_REGULATOR, null, "440106"),
            "regulator-4403", destination(DestinationKind.LOCAL_REGULATOR, null, "4403")));

    @Test
    void choosesTheCountyElseTheCityElseTheProvince() {
        assertThat(destinations.route(MessageType.AGENCY_REPORT, "440106", null, null))
                .containsExactly("regulator-440106", "regulator-440106-b");
        assertThat(destinations.route(MessageType.AGENCY_REPORT, "440104", null, null))
                .containsExactly("regulator-4401");
        assertThat(destinations.route(MessageType.AGENCY_REPORT, "440703", null, null))
                .containsExactly("regulator-44");
    }

    @Test
    void findsNoRegulatorOutsideEveryConfiguredArea() {
        Destinations countyOnly = new Destinations(Map.of(
                "regulator-440106", destination(DestinationKind.LOCAL_REGULATOR, null, "440106")));

        assertThat(countyOnly.route(MessageType.AGENCY_REPORT, "440104", null, null)).isEmpty();
        assertThat(countyOnly.route(MessageType.AGENCY_REPORT, "110105", null, null)).isEmpty();
        assertThat(countyOnly.route(MessageType.AGENCY_REPORT, null, null, null)).isEmpty();
    }

    @Test
    void sendsTheOtherCampaignRecordsToTheProvincialPlatformNotTheRegulators() {
        for (MessageType type : List.of(MessageType.TRAINING_RECORD, MessageType.RECTIFICATION_ORDER,
                MessageType.RECTIFICATION_ORDER_CHANGE)) {
            assertThat(destinations.route(type, "440106", null, null)).as(type.name()).containsExactly("province-44");
        }
    }

    @Test
    void refusesALocalRegulatorWithoutItsArea() {
        assertThatThrownBy(() -> new Destinations(Map.of("regulator-x",
                destination(DestinationKind.LOCAL_REGULATOR, null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regulator-x").hasMessageContaining("region-prefix");
    }

    private static Destination destination(DestinationKind kind, String province, String regionPrefix) {
        return new Destination(kind, province, URI.create("/sim"), List.of(), "gateway-sm2", "1.0",
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1,
                new Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.2, Duration.ofHours(24)),
                new Breaker(50, 10, 5, Duration.ofSeconds(30), 2), regionPrefix);
    }
}
