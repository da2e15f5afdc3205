package cn.sedx.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RoutesLocationTests {

    private final RoutesLocation location = new RoutesLocation();

    @Test
    void readsRoutesFromTheFolderOnDiskWhenItExists(@TempDir Path folder) {
        MockEnvironment environment = new MockEnvironment().withProperty("sedx.routes.folder", folder.toString());

        location.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RoutesLocation.PATTERN_KEY))
                .isEqualTo("file:" + folder.toAbsolutePath() + "/*.camel.yaml");
    }

    @Test
    void fallsBackToTheRoutesPackagedInTheJar(@TempDir Path parent) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("sedx.routes.folder", parent.resolve("absent").toString());

        location.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RoutesLocation.PATTERN_KEY)).isEqualTo("classpath:routes/*.camel.yaml");
    }

    @Test
    void leavesAnExplicitPatternAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty(RoutesLocation.PATTERN_KEY, "file:/etc/x/*.yaml");

        location.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(RoutesLocation.PATTERN_KEY)).isEqualTo("file:/etc/x/*.yaml");
    }

    @Test
    void theJarCarriesEveryRouteOfTheFolder() throws Exception {
        try (var routes = Files.list(Path.of("routes"))) {
            routes.forEach(route -> assertThat(getClass().getResource("/routes/" + route.getFileName())).isNotNull());
        }
    }
}
