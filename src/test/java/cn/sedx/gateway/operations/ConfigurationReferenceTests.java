package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is exactly what the configuration metadata says, so it cannot drift from the code. */
class ConfigurationReferenceTests {

    private static final Path DOCUMENT = Path.of("docs/configuration.md");

    @Test
    void docsConfigurationMdIsTheGeneratedReference() throws Exception {
        String generated = new ConfigurationReference().markdown();
        if (Boolean.getBoolean("sedx.docs.write")) {
            Files.writeString(DOCUMENT, generated);
        }

        assertThat(DOCUMENT).as("regenerate with: mvn test -Dtest=ConfigurationReferenceTests -Dsedx.docs.write=true")
                .exists();
        assertThat(Files.readString(DOCUMENT))
                .as("docs/configuration.md is stale; regenerate with: mvn test -Dtest=ConfigurationReferenceTests"
                        + " -Dsedx.docs.write=true")
                .isEqualTo(generated);
    }

    @Test
    void documentsEverySettingOfEveryRecordAndEveryEnvironmentVariable() throws Exception {
        String reference = new ConfigurationReference().markdown();

        assertThat(reference).contains("`sedx.home`", "`sedx.data-dir`", "`sedx.soap.public-url`",
                "`sedx.delivery.destinations.<name>.url`", "`sedx.delivery.destinations.<name>.retry.give-up-after`",
                "`sedx.signing.keys.<name>.password`", "`sedx.security.operators.<name>.password-hash`",
                "`sedx.operations.tls-terminating-proxy.addresses`", "`sedx.metrics.cache-for`",
                "`SEDX_DB_URL`", "`SEDX_PORT`", "`SEDX_ARTEMIS_URL`", "`SEDX_DATA_DIR`", "`SEDX_PROFILES`",
                "`SEDX_JVM_OPTIONS`");
        assertThat(reference).doesNotContain("| `sedx.delivery.destinations` |");
    }
}
