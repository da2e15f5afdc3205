package cn.sedx.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.messagestore.MessageState;
import cn.sedx.gateway.shared.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The console's plain-Java pieces: masking of payloads, CSV, the compact durations, the two message bundles. */
class ConsolePiecesTests {

    @Test
    void masksIdNumbersAndMobilesByFieldNameAndByPatternButLeavesCodesThatOnlyLookLikeThem() {
        String payload = """
                {"unit": {"uscc": "91440106MA59ABCDEX", "note": "联系 13912345678 或 11010519491231002X"},
                 "persons": [{"idNumber": "H12345678", "mobile": "+8613800138000", "contactPhone": "020-12345678",
                   "responsibleDeviceCodes": ["311044010120230001"]}]}
                """;
        String shown = MaskedPayload.of(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(shown).contains("\"idNumber\" : \"*********\"").doesNotContain("H12345678")
                .doesNotContain("13800138000").doesNotContain("12345678\"")
                .contains("139****5678").contains("110105********002X").doesNotContain("11010519491231002X")
                .contains("311044010120230001").contains("91440106MA59ABCDEX");
    }

    @Test
    void anExchangePackageIsNotShownAsText() {
        assertThat(MaskedPayload.of(new byte[] {'P', 'K', 3, 4})).isNull();
    }

    @Test
    void csvQuotesWhatNeedsItDefusesFormulasAndStartsWithAByteOrderMark() {
        String csv = new String(Csv.write(List.of(List.of("a,b", "say \"hi\"", "=1+1", "-2", "plain"))),
                StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("\uFEFF\"a,b\",\"say \"\"hi\"\"\",'=1+1,'-2,plain\r\n");
    }

    @Test
    void theMostSelectiveIndexedFilterLeadsTheSearchAndTheOthersStayOffTheirIndexes() {
        MessageFilter reports = new MessageFilter(MessageType.YEAR_END_REPORT, MessageState.ACKNOWLEDGED, null,
                null, null, null, null, null);
        StringBuilder sql = new StringBuilder();
        List<Object> params = new java.util.ArrayList<>();
        reports.appendTo(sql, params);

        assertThat(reports.order()).isEqualTo("m.type DESC, m.received_at DESC, m.id DESC");
        assertThat(sql.toString()).contains("m.type = ?").contains("COALESCE(m.state, '') = ?")
                .contains("m.received_at < ?");
        assertThat(new MessageFilter(MessageType.YEAR_END_REPORT, MessageState.FAILED, null, null, null, null, null,
                null).order()).startsWith("m.state DESC");
        assertThat(new MessageFilter(null, MessageState.FAILED, null, "tianhe-county", null, null, null, null)
                .order()).startsWith("m.submitting_system DESC");
        assertThat(new MessageFilter(null, null, "91440106MA59ABCDEX", "tianhe-county", null, null, null, null)
                .order()).isEqualTo("m.received_at DESC, m.id DESC");
        assertThat(MessageFilter.none().order()).isEqualTo("m.received_at DESC, m.id DESC");
    }

    @Test
    void durationsAreCompact() {
        assertThat(ConsoleFormat.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(ConsoleFormat.duration(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(ConsoleFormat.duration(Duration.ofMinutes(185))).isEqualTo("3h 05m");
        assertThat(ConsoleFormat.duration(Duration.ofHours(52))).isEqualTo("2d 4h");
        assertThat(ConsoleFormat.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void theChineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties chinese = bundle("messages_zh_CN.properties");
        Properties english = bundle("messages_en.properties");

        assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(200)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(chinese.getProperty("nav.overview")).isEqualTo("总览");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsolePiecesTests.class.getResourceAsStream("/console/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
