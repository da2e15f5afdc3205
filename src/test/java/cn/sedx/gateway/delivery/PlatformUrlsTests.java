package cn.sedx.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.SedxApplication;
import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.support.FreshDataDirectory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class PlatformUrlsTests {

    @Test
    void acceptsHttpsPlatformsOnOtherHosts() {
        assertThat(PlatformUrls.problems(Map.of(
                "province-44", provincial("https://tzsb.amr.gd.gov.cn/api/sedx"),
                "province-11", provincial("https://10.20.30.40:8443/intake"),
                "document-exchange", provincial("https://[2001:db8::7]/exchange"),
                "national-platform", provincial("https://cafe:8443/national")))).isEmpty();
    }

    @Test
    void namesEveryDestinationThatIsNotARealPlatform() {
        Map<String, Destination> destinations = new LinkedHashMap<>();
        destinations.put("a-relative", provincial("/sim/provincial/province-44"));
        destinations.put("b-plain-http", provincial("http://tzsb.amr.gd.gov.cn/api"));
        destinations.put("c-simulator-path", provincial("https://sim.example.cn/sim/national/document-exchange"));
        destinations.put("d-localhost", provincial("https://localhost:8443/api"));
        destinations.put("e-loopback", provincial("https://127.0.0.2/api"));
        destinations.put("f-ipv6-loopback", provincial("https://[::1]:8443/api"));
        destinations.put("g-wildcard", provincial("https://0.0.0.0/api"));
        destinations.put("h-real", provincial("https://tzsb.amr.gd.gov.cn/api"));

        List<String> problems = PlatformUrls.problems(destinations);

        assertThat(problems).hasSize(7);
        assertThat(problems.get(0)).startsWith("a-relative (").contains("built-in simulator");
        assertThat(problems.get(1)).startsWith("b-plain-http (").contains("https");
        assertThat(problems.get(2)).startsWith("c-simulator-path (").contains("simulator");
        assertThat(problems.subList(3, 7)).allSatisfy(problem -> assertThat(problem).contains("this machine"));
        assertThat(problems).noneMatch(problem -> problem.startsWith("h-real"));
    }

    @Test
    void theProductionProfileRefusesToStartOnTheSimulatorDestinations() {
        String dataDir = FreshDataDirectory.folder("production").toString();

        assertThatThrownBy(() -> SpringApplication.run(SedxApplication.class, "--spring.profiles.active=production",
                "--server.port=0", "--sedx.data-dir=" + dataDir, "--sedx.signing.sample-keys=true"))
                .hasMessageContaining("目标平台地址不是正式平台")
                .hasMessageContaining("destinations must point at the real platforms")
                .hasMessageContaining("province-44 (/sim/provincial/province-44)")
                .hasMessageContaining("document-exchange (/sim/national/document-exchange)");
    }

    private static Destination provincial(String url) {
        return DestinationsTests.destination(DestinationKind.PROVINCIAL, "44", List.of(), URI.create(url));
    }
}
