package cn.sedx.gateway.messagestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store's key handling, and a running gateway whose database file holds no filing in clear. */
class StoreEncryptionTests {

    private static StoreEncryptionSettings settings(Path keyFile, String keyId, String key, String oldKeys,
            boolean generate) {
        return new StoreEncryptionSettings(true, keyId, key, oldKeys, keyFile, generate);
    }

    @Test
    void withoutAKeyWhereNoneMayBeGeneratedTheStoreRefusesToStart(@TempDir Path folder) {
        assertThatThrownBy(() -> StoreKeys.cipher(settings(folder.resolve("store.key"), "", "", "", false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SEDX_STORE_KEY");
    }

    @Test
    void generatesAKeyFileReadableByItsOwnerOnlyOnceAndKeepsItWhenAnEnvironmentKeyTakesOver(@TempDir Path folder)
            throws IOException {
        Path file = folder.resolve("keys/store.key");
        PayloadCipher generated = StoreKeys.cipher(settings(file, "", "", "", true));
        byte[] sealed = generated.seal("m-1", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(StoreKeys.cipher(settings(file, "", "", "", true)).currentKeyId())
                .isEqualTo(generated.currentKeyId());
        PayloadCipher fromEnvironment = StoreKeys.cipher(settings(file, "prod-2026", "c2l4dGVlbi1ieXRlLWtleQ==", "",
                false));
        assertThat(fromEnvironment.currentKeyId()).isEqualTo("prod-2026");
        assertThat(fromEnvironment.open("m-1", sealed)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The embedded default, as the README starts it. */
    @Nested
    @GatewayTest
    class EmbeddedDefault {

        @LocalServerPort
        int port;

        @Autowired
        Environment environment;

        @Autowired
        JdbcClient jdbc;

        @Test
        void noIdNumberOrMobileOfAFilingReachesTheDatabaseFileInClear() throws IOException {
            HttpResponse<String> accepted = new Http(port).asProvince().postJson("/api/v1/personnel-filings",
                    Fixtures.bytes("personnel-filing/valid-use-unit.json"));
            String id = new ObjectMapper().readTree(accepted.body()).get("messageId").asText();
            byte[] stored = jdbc.sql("SELECT payload FROM message_payload WHERE message_id = ?").param(id).query(byte[].class).single();
            // delivered: the request body kept of the delivery (the console's "what was sent") is written too
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM sent_request"
                    + " WHERE message_id = ? AND request_body IS NOT NULL").param(id).query(Long.class).single() > 0);

            Path data = Path.of(environment.getProperty("sedx.data-dir"));
            String file = new String(Files.readAllBytes(data.resolve("db/sedx.mv.db")), StandardCharsets.ISO_8859_1);
            for (String clear : List.of("440106197503122016", "13800138000", "15012345678")) {
                // a boolean, so that a failure does not print the database file into the log
                assertThat(file.contains(clear)).as("%s in clear in the H2 file", PersonalDataMask.text(clear))
                        .isFalse();
            }
            assertThat(PayloadCipher.keyIdOf(stored)).startsWith("local-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/store.key"))))
                    .isEqualTo("rw-------");
        }

        @Test
        void anOperatorReSealsEveryPayloadAndIsAudited() throws IOException {
            HttpResponse<String> response = new Http(port).asOperator().postJson("/api/v1/admin/store/reseal",
                    "{\"reason\":\"rotation check\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode progress = new ObjectMapper().readTree(response.body());
            assertThat(progress.hasNonNull("next")).as("every message examined").isFalse();
            assertThat(progress.get("keyId").asText()).startsWith("local-");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'STORE_RESEALED'").query(Long.class)
                    .single()).isPositive();
        }
    }
}
