package cn.sedx.gateway.transform;

import static cn.sedx.gateway.transform.TransformFixtures.MAPPER;
import static cn.sedx.gateway.transform.TransformFixtures.canonical;
import static cn.sedx.gateway.transform.TransformFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ProvincialJsonTests {

    private final ProvincialJson provincial = new ProvincialJson(MAPPER);

    @Test
    void wrapsTheCanonicalFilingUnchangedInAVersionedEnvelope() throws Exception {
        JsonNode filing = canonical("personnel-filing.json");

        JsonNode out = MAPPER.readTree(provincial.write("1.0", envelope(MessageType.PERSONNEL_FILING), filing));

        assertThat(out.path("formatVersion").asText()).isEqualTo("1.0");
        assertThat(out.path("messageId").asText()).isEqualTo("0f0e0d0c-0000-4000-8000-000000000001");
        assertThat(out.path("messageType").asText()).isEqualTo("PERSONNEL_FILING");
        assertThat(out.path("receivedAt").asText()).isEqualTo("2026-11-28T08:00:00Z");
        assertThat(out.path("unit").path("regionCode").asText()).isEqualTo("440305");
        assertThat(out.path("filing")).isEqualTo(filing);
    }

    @Test
    void namesTheUnitKindTheFilingGivesAndCarriesTheNewFieldsInTheFiling() throws Exception {
        JsonNode filing = canonical("personnel-filing.json");
        ObjectNode record = ((ObjectNode) canonical("safety-record.json")).put("unitKind", "USE")
                .put("regionCode", "440305");

        JsonNode filingOut = MAPPER.readTree(provincial.write("1.0", envelope(MessageType.PERSONNEL_FILING), filing));
        JsonNode recordOut = MAPPER.readTree(provincial.write("1.0", envelope(MessageType.SAFETY_RECORD), record));
        JsonNode plain = MAPPER.readTree(provincial.write("1.0", envelope(MessageType.SAFETY_RECORD),
                canonical("safety-record.json")));

        assertThat(filingOut.at("/unit/unitKind").asText()).isEqualTo(filing.at("/unit/unitKind").asText());
        assertThat(recordOut.at("/unit/unitKind").asText()).isEqualTo("USE");
        assertThat(recordOut.at("/filing/regionCode").asText()).isEqualTo("440305");
        assertThat(plain.at("/unit").has("unitKind")).isFalse();
    }

    @Test
    void writesTheSameBytesEveryTimeSoARetryIsARepeat() {
        JsonNode record = canonical("safety-record.json");

        byte[] first = provincial.write("1.0", envelope(MessageType.SAFETY_RECORD), record);
        byte[] second = provincial.write("1.0", envelope(MessageType.SAFETY_RECORD), record.deepCopy());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesAFormatVersionItDoesNotWrite() {
        assertThatThrownBy(() -> provincial.write("9.9", envelope(MessageType.SAFETY_RECORD),
                canonical("safety-record.json")))
                .isInstanceOfSatisfying(TransformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORMAT_VERSION_UNSUPPORTED);
                    assertThat(e.recoverable()).isFalse();
                });
    }
}
