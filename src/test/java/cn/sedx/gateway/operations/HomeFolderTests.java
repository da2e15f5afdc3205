package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.env.MockEnvironment;

/** Relative files resolve below sedx.home; the packaged samples stand in outside production only. */
class HomeFolderTests {

    @TempDir
    Path home;

    @Test
    void resolvesRelativeFilesBelowTheHomeWhereverTheProcessStarted() throws Exception {
        Files.createDirectories(home.resolve("keys"));
        Files.writeString(home.resolve("keys/gateway.p12"), "x");

        Resource resource = folder(false).resource("file:keys/gateway.p12");

        assertThat(resource).isInstanceOf(FileSystemResource.class);
        assertThat(resource.getFile().toPath()).isEqualTo(home.resolve("keys/gateway.p12"));
        assertThat(folder(false).resource("file:/etc/sedx/gateway.p12")).isNull();
        assertThat(folder(false).resource("classpath:schemas/openapi.yaml")).isNull();
    }

    @Test
    void fallsBackToThePackagedSamplesOutsideProductionOnly() {
        Resource outside = folder(false).resource("file:certs-sample/gateway-sm2.p12");
        assertThat(outside).isInstanceOf(ClassPathResource.class);
        assertThat(outside.exists()).isTrue();

        Resource production = folder(true).resource("file:certs-sample/gateway-sm2.p12");
        assertThat(production).isInstanceOf(FileSystemResource.class);
        assertThat(production.exists()).isFalse();
    }

    @Test
    void takesItsHomeFromTheSettingAndKnowsTheProductionProfile() {
        MockEnvironment environment = new MockEnvironment().withProperty("sedx.home", home.toString());
        environment.setActiveProfiles("production");

        HomeFolder folder = HomeFolder.of(environment);

        assertThat(folder.home()).isEqualTo(home.toAbsolutePath());
        assertThat(folder.describe("file:certs-sample/truststore.p12"))
                .isEqualTo(home.resolve("certs-sample/truststore.p12").toString());
    }

    private HomeFolder folder(boolean production) {
        return new HomeFolder(home, !production);
    }
}
