package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.delivery.DeliverySettings.Breaker;
import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.delivery.DeliverySettings.Retry;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationsTests {

    private final Destinations destinations = new Destinations(Map.of(
            "province-44", destination(DestinationKind.PROVINCIAL, "44", List.of()),
            "province-11", destination(DestinationKind.PROVINCIAL, "11", List.of()),
            "national-platform", destination(DestinationKind.NATIONAL_PLATFORM, null, List.of("国家特种设备安全监管平台")),
            "document-exchange", destination(DestinationKind.DOCUMENT_EXCHANGE, null, List.of("市场监管总局特种设备局"))));

    @Test
    void sendsFilingsAndRecordsToTheProvinceOfTheUnitsRegion() {
        assertThat(destinations.route(MessageType.PERSONNEL_FILING, "440106", null, null))
                .containsExactly("province-44");
        assertThat(destinations.route(MessageType.SAFETY_RECORD, "110105", null, null))
                .containsExactly("province-11");
    }

    @Test
    void fallsBackToTheRegionPartOfTheUsccWithoutARegionCode() {
        assertThat(destinations.route(MessageType.SAFETY_RECORD, null, "91110105MA01ABCDEX", null))
                .containsExactly("province-11");
    }

    @Test
    void findsNoDestinationForAProvinceThatIsNotConfigured() {
        assertThat(destinations.route(MessageType.PERSONNEL_FILING, "650102", null, null)).isEmpty();
        assertThat(destinations.route(MessageType.PERSONNEL_FILING, null, null, null)).isEmpty();
    }

    @Test
    void sendsAReportToTheDocumentExchangeAndToEachConfiguredCopyRecipient() throws Exception {
        JsonNode report = new ObjectMapper().readTree("""
                {"copyRecipients": ["广东省人民政府办公厅", "国家特种设备安全监管平台", "province-11"]}""");

        assertThat(destinations.route(MessageType.YEAR_END_REPORT, "440000", null, report))
                .containsExactly("document-exchange", "national-platform", "province-11");
    }

    private static Destination destination(DestinationKind kind, String province, List<String> names) {
        return destination(kind, province, names, URI.create("/sim"));
    }

    static Destination destination(DestinationKind kind, String province, List<String> names, URI url) {
        return new Destination(kind, province, url, names, "gateway-sm2", "1.0",
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1,
                new Retry(Duration.ofSeconds(1), 2, Duration.ofMinutes(5), 0.2, Duration.ofHours(24)),
                new Breaker(50, 10, 5, Duration.ofSeconds(30), 2));
    }
}
