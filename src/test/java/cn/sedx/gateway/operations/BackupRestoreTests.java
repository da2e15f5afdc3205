package cn.sedx.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sedx backup} of a running gateway whose platform is down, so its filings wait on their queue (in the
 * broker journal), and {@code bin/sedx restore} of that backup into a fresh installation: once started, the restored
 * gateway delivers every filing that was pending. The first start also builds and then uses the class-data-sharing
 * archive, as a first start on a server does.
 */
class BackupRestoreTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PENDING = Set.of("QUEUED", "SENT");

    @TempDir
    Path folder;

    private Distribution original;
    private Distribution restored;

    @AfterEach
    void stopBoth() {
        for (Distribution gateway : new Distribution[] {original, restored}) {
            if (gateway != null) {
                gateway.stopQuietly();
            }
        }
    }

    @Test
    void restoresARunningGatewaysPendingDeliveriesIntoAFreshInstallation() throws Exception {
        original = Distribution.unpack(folder.resolve("original"), "");
        original.start();
        assertThat(original.home.resolve("lib/app/sedx-gateway.jsa")).as("class-data-sharing archive").exists();
        control(original, "{\"destination\":\"province-44\",\"mode\":\"FAIL\",\"status\":503}");
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(submit(original));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(pending).allSatisfy(id -> assertThat(PENDING).contains(state(original, id))));

        Path backup = folder.resolve("backup.tar.gz");
        Distribution.Result backedUp = original.sedx("", "backup", backup.toString());
        assertThat(backedUp.status()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("stopped after", "backed up", "started");
        assertThat(java.nio.file.Files.getPosixFilePermissions(backup)).as("database and store key inside")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(original.sedx("", "stop").status()).isZero();

        restored = Distribution.unpack(folder.resolve("restored"), "").with("SEDX_CDS", "off");
        Distribution.Result restoring = restored.sedx("", "restore", backup.toString());
        assertThat(restoring.status()).as(restoring.output()).isZero();
        restored.start();

        for (String id : pending) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(state(restored, id)).isEqualTo("ACKNOWLEDGED"));
        }
        assertThat(restored.sedx("", "restore", backup.toString()).output()).contains("running");
    }

    private static String submit(Distribution gateway) {
        HttpResponse<String> accepted = gateway.http().asProvince().postJson("/api/v1/personnel-filings",
                Fixtures.bytes("personnel-filing/valid-use-unit.json"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return read(accepted.body()).get("messageId").asText();
    }

    private static void control(Distribution gateway, String json) {
        assertThat(gateway.http().asOperator().postJson("/sim/control", json).statusCode()).isEqualTo(200);
    }

    private static String state(Distribution gateway, String id) {
        return read(gateway.http().basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD)
                .get("/api/v1/messages/" + id).body()).get("state").asText();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
