package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The data folder, the database and broker folders and the H2 file are readable by their owner only. */
class DataFolderTests {

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void closesDownWhatAnOlderInstallLeftOpen(@TempDir Path root) throws IOException {
        Path data = root.resolve("data");
        Path db = Files.createDirectories(data.resolve("db"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(db.resolve("sedx.mv.db"), "older store");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        DataFolder folder = new DataFolder();
        folder.setEnvironment(new MockEnvironment().withProperty("sedx.data-dir", data.toString())
                .withProperty("spring.artemis.embedded.data-directory", data.resolve("artemis").toString())
                .withProperty("spring.datasource.url", "jdbc:h2:file:" + db.resolve("sedx") + ";MODE=PostgreSQL"));

        folder.postProcessBeanFactory(new DefaultListableBeanFactory());

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("artemis"))).isEqualTo("rwx------");
        assertThat(mode(old)).isEqualTo("rw-------");
        assertThat(Files.readString(old)).isEqualTo("older store");
    }

    /** A gateway started in a fresh folder, as `mvn spring-boot:run` starts one. */
    @Nested
    @GatewayTest
    class FreshInstall {

        @Autowired
        Environment environment;

        @Test
        void createsEverythingPrivateToItsOwner() throws IOException {
            Path data = Path.of(environment.getProperty("sedx.data-dir"));

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("db"))).isEqualTo("rwx------");
            assertThat(mode(data.resolve("artemis"))).isEqualTo("rwx------");
            assertThat(mode(data.resolve("db/sedx.mv.db"))).isEqualTo("rw-------");
            assertThat(Files.size(data.resolve("db/sedx.mv.db"))).as("H2 took the empty file as its store").isPositive();
            assertThat(data.resolve("db/sedx.trace.db")).doesNotExist();
        }
    }
}
