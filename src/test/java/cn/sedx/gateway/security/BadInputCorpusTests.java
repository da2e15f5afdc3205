package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.intake.batch.BatchIntake;
import cn.sedx.gateway.security.IntakeChannels.Channel;
import cn.sedx.gateway.security.IntakeChannels.Outcome;
import cn.sedx.gateway.support.Fixtures;
import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of hostile and broken requests: each gets its documented status and code, nothing from it is
 * stored, and the gateway goes on accepting a good filing right after. The filing corpus runs through every
 * intake channel (REST, SOAP, batch JSON Lines, XML and CSV) of one gateway: each channel refuses the same defect
 * with the same code at the same place, in its own notation.
 */
@GatewayTest
class BadInputCorpusTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VALID = Fixtures.bytes("personnel-filing/valid-use-unit.json");
    private static final String PATH = "/api/v1/personnel-filings";
    private static final String REUSED_KEY = "corpus-reused-" + UUID.randomUUID();
    private static final Set<Channel> ALL = EnumSet.allOf(Channel.class);
    private static final Set<Channel> JSON_CHANNELS = EnumSet.of(Channel.REST, Channel.BATCH_JSONL);
    // XML of any version cannot carry NUL, surrogates or U+FFFE/U+FFFF, even as references: the parser refuses
    private static final Set<Channel> XML_CHANNELS = EnumSet.of(Channel.SOAP, Channel.BATCH_XML);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BatchIntake batch;

    private Http province;

    @BeforeEach
    void client() {
        province = new Http(port).asProvince();
    }

    static Stream<Arguments> corpus() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        String laughs = "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        return Stream.of(
                bad("malformed JSON", json("{\"unit\": {"), 400, "MALFORMED_JSON"),
                bad("JSON array instead of object", json("[]"), 400, "MALFORMED_JSON"),
                bad("wrong types", json("{\"filingKind\": 7, \"unit\": \"x\", \"persons\": {}}"), 422,
                        "VALIDATION_FAILED"),
                bad("huge string", json("{\"unit\":{\"name\":\"" + "长".repeat(400_000) + "\"}}"), 413,
                        "PAYLOAD_TOO_LARGE"),
                bad("deep nesting", json("[".repeat(5000) + "]".repeat(5000)), 400, "NESTING_TOO_DEEP"),
                bad("XXE as XML", http -> http.send(http.request(PATH).header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xxe)).build()), 415, "UNSUPPORTED_MEDIA_TYPE"),
                bad("entity expansion text inside JSON", json("{\"unit\":{\"name\":\"" + laughs.replace("\"", "\\\"")
                        + "\"}}"), 422, "VALIDATION_FAILED"),
                bad("no content type", http -> http.send(http.request(PATH)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(VALID)).build()), 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                bad("missing credentials", http -> new Http(portOf(http)).postJson(PATH, VALID), 401,
                        "UNAUTHENTICATED"),
                bad("forged token", http -> new Http(portOf(http)).bearer(SampleCredentials.GD_PROVINCE_TOKEN + "0")
                        .postJson(PATH, VALID), 401, "UNAUTHENTICATED"),
                bad("operator password guessed", http -> new Http(portOf(http)).basic("operator", "operator")
                        .postJson(PATH, VALID), 401, "UNAUTHENTICATED"),
                bad("idempotency key replayed with another body", http -> http.postJson(PATH,
                        new String(VALID, StandardCharsets.UTF_8).replace("陈建国", "陈建军"), "Idempotency-Key",
                        REUSED_KEY), 409, "IDEMPOTENCY_KEY_CONFLICT"),
                bad("NUL in a JSON string", json("{\"unit\":{\"name\":\"a\\u0000b\"}}"), 422, "VALIDATION_FAILED"),
                bad("malformed JSON to an admin endpoint", http -> operator(http).postJson("/api/v1/admin/replays", "{\"reason\": 11010519491231002X"), 400, "MALFORMED_JSON"),
                bad("wrong type to an admin endpoint", http -> operator(http).postJson(
                        "/api/v1/admin/uploads/personnel/run", "{\"reason\": {\"x\": 1}}"), 400, "MALFORMED_JSON"),
                // ---- issue 13: the new fields and parameters ----
                bad("unknown identity document type", json(person("\"idType\": \"DRIVING_LICENCE\"")), 422,
                        "VALIDATION_FAILED"),
                bad("passport number with control characters", json(person(
                        "\"idType\": \"PASSPORT\", \"nationality\": \"USA\"").replace("\"440106197503122016\"",
                        "\"E1234\\u0000\\u001b678\"")), 422, "VALIDATION_FAILED"),
                bad("nationality longer than three letters", json(person(
                        "\"idType\": \"PASSPORT\", \"nationality\": \"UNITED STATES\"")), 422, "VALIDATION_FAILED"),
                bad("safety record with an overlong region code", http -> http.postJson("/api/v1/safety-records",
                        Fixtures.text("safety-record/valid-daily-check.json")
                                .replace("\"period\"", "\"regionCode\": \"4401061\", \"period\"")), 422,
                        "VALIDATION_FAILED"),
                bad("compliance range that is not a date", http -> operator(http)
                        .get("/api/v1/compliance?region=44&from=yesterday&to=today"), 422, "SCHEMA_VIOLATION"),
                bad("compliance range without its end", http -> operator(http)
                        .get("/api/v1/compliance?region=44&from=2026-11-01"), 422, "SCHEMA_VIOLATION"),
                // ---- issue 16: orders, their changes, agencies' reports, computed figures ----
                bad("rectification order from an agency", http -> as(http, SampleCredentials.GD_AGENCY_TOKEN)
                        .postJson("/api/v1/rectification-orders", Fixtures.text("rectification-order/"
                                + "valid-order-no-director.json")), 403, "FORBIDDEN"),
                bad("agency report under another approval number", http -> as(http,
                        SampleCredentials.GD_AGENCY_TOKEN).postJson("/api/v1/agency-reports", Fixtures.text(
                                "agency-report/valid-inspection-report.json").replace("TS7110001-2027",
                                "TS7110999-2027")), 422, "APPROVAL_NUMBER_MISMATCH"),
                bad("agency report whose attachment is not base64", http -> as(http, SampleCredentials.GD_AGENCY_TOKEN)
                        .postJson("/api/v1/agency-reports", Fixtures.text("agency-report/attachment-not-base64.json")),
                        422, "VALIDATION_FAILED"),
                bad("change of an order that does not exist", http -> as(http,
                        SampleCredentials.TIANHE_REGULATOR_TOKEN).postJson("/api/v1/rectification-order-changes",
                                Fixtures.text("rectification-order-change/unknown-order.json")), 422,
                        "VALIDATION_FAILED"),
                bad("OVERDUE submitted by a system", http -> as(http, SampleCredentials.TIANHE_REGULATOR_TOKEN)
                        .postJson("/api/v1/rectification-order-changes", Fixtures.text(
                                "rectification-order-change/overdue-submitted.json")), 422, "VALIDATION_FAILED"),
                bad("rectification orders of an unknown status", http -> operator(http)
                        .get("/api/v1/rectification-orders?status=FORGOTTEN"), 422, "SCHEMA_VIOLATION"),
                bad("agency reports of a region that is no prefix", http -> operator(http)
                        .get("/api/v1/agency-reports?region=44a"), 422, "SCHEMA_VIOLATION"),
                bad("agency reports page too large", http -> operator(http)
                        .get("/api/v1/agency-reports?size=100000"), 422, "SCHEMA_VIOLATION"),
                bad("year-end figures without a region", http -> operator(http)
                        .get("/api/v1/reports/year-end/figures?year=2026"), 422, "SCHEMA_VIOLATION"),
                // ---- issue 19: the simulators' reception counts (open, so checked like any read API) ----
                bad("simulator receptions without a message id", http -> http.get("/sim/receptions"), 422,
                        "SCHEMA_VIOLATION"),
                bad("simulator receptions of an empty message id", http -> http.get("/sim/receptions?messageId="),
                        422, "SCHEMA_VIOLATION"),
                bad("simulator receptions of an overlong message id", http -> http.get("/sim/receptions?messageId="
                        + "11010519491231002X".repeat(8)), 422, "SCHEMA_VIOLATION"),
                bad("simulator receptions of a message id with control characters", http -> http.get(
                        "/sim/receptions?messageId=a%00%1Bb"), 422, "SCHEMA_VIOLATION"),
                // ---- issue 19: Spring MVC's own refusals, through ResponseEntityExceptionHandler ----
                bad("page size that is no number, naming an ID number", http -> operator(http)
                        .get("/api/v1/agency-reports?size=11010519491231002X"), 422, "SCHEMA_VIOLATION"),
                bad("a method the path does not take", http -> operator(http)
                        .get("/api/v1/admin/uploads/personnel/run"), 405, "METHOD_NOT_ALLOWED"));
    }

    private static Http as(Http http, String token) {
        return new Http(portOf(http)).bearer(token);
    }

    /** The valid filing with the first person's {@code idType} and the fields given added after it. */
    private static String person(String fields) {
        return new String(VALID, StandardCharsets.UTF_8).replaceFirst("\"role\": \"PRINCIPAL\",",
                "\"role\": \"PRINCIPAL\", " + fields + ",");
    }

    private static Http operator(Http http) {
        return new Http(portOf(http)).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    private static int portOf(Http http) {
        return Integer.parseInt(http.base().substring(http.base().lastIndexOf(':') + 1));
    }

    private static Function<Http, HttpResponse<String>> json(String body) {
        return http -> http.postJson(PATH, body);
    }

    private static Arguments bad(String name, Function<Http, HttpResponse<String>> request, int status,
            String code) {
        return Arguments.of(name, request, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersItsDocumentedCodeStoresNothingAndKeepsServing(String name,
            Function<Http, HttpResponse<String>> request, int status, String code) throws Exception {
        province.postJson(PATH, VALID, "Idempotency-Key", REUSED_KEY);
        long stored = stored();

        HttpResponse<String> response = request.apply(province);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).as(name).isEqualTo(code);
        assertThat(response.body()).as("nothing of the request reflected").doesNotContain("11010519491231002X")
                .doesNotContain("\\u0000").doesNotContain("Exception");
        assertThat(stored()).isEqualTo(stored);
        assertThat(province.postJson(PATH, VALID).statusCode()).isEqualTo(202);
    }

    /** One defect of a filing's content, the channels that can carry it, and the violation it must meet. */
    private record Defect(String name, Consumer<ObjectNode> apply, String code, String pointer, Set<Channel> channels,
            boolean xmlCarries) {}

    private static Defect defect(String name, String pointer, String value, String code) {
        return new Defect(name, filing -> set(filing, pointer, value), code, pointer, ALL, true);
    }

    private static Stream<Defect> defects() {
        return Stream.of(
                new Defect("NUL in the unit name", f -> set(f, "/unit/name", "广州市天河\u0000示范物业"), "XML_UNSAFE_TEXT",
                        "/unit/name", ALL, false),
                defect("terminal escape in a person's name", "/persons/0/name", "张\u001b[2J伟", "XML_UNSAFE_TEXT"),
                defect("vertical tab in a mobile", "/persons/1/mobile", "139\u000b00139000", "XML_UNSAFE_TEXT"),
                new Defect("lone surrogate in the unit name", f -> set(f, "/unit/name", "示范物业\uD800"),
                        "XML_UNSAFE_TEXT", "/unit/name", EnumSet.complementOf(EnumSet.of(Channel.BATCH_CSV)), false),
                new Defect("U+FFFF in a registration number", f -> set(f, "/unit/useRegistrationNumbers/0",
                        "梯11粤A00001\uFFFF"), "XML_UNSAFE_TEXT", "/unit/useRegistrationNumbers/0", ALL, false),
                new Defect("control character in a member name", f -> ((ObjectNode) f.get("unit")).put("na\u0001me",
                        "x"), "XML_UNSAFE_TEXT", "/unit", JSON_CHANNELS, true),
                defect("ID number with a bad check digit", "/persons/0/idNumber", "110105194912310021",
                        "ID_NUMBER_CHECKSUM"),
                defect("mobile that is no mobile", "/persons/1/mobile", "12345", "MOBILE_INVALID"),
                new Defect("unit name missing", f -> ((ObjectNode) f.get("unit")).remove("name"), "SCHEMA_VIOLATION",
                        "/unit/name", ALL, true),
                defect("region outside the system's jurisdiction", "/unit/regionCode", "110105",
                        "OUT_OF_JURISDICTION"));
    }

    static Stream<Arguments> defectsByChannel() {
        return defects().flatMap(defect -> Arrays.stream(Channel.values()).filter(defect.channels()::contains)
                .map(channel -> Arguments.of(defect.name() + " via " + channel, defect, channel)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectsByChannel")
    void everyChannelRefusesTheSameDefectWithTheSameCodeAtTheSamePlace(String name, Defect defect, Channel channel,
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        IntakeChannels channels = new IntakeChannels(province, batch, folder);
        ObjectNode filing = base();
        defect.apply().accept(filing);
        long stored = stored();

        Outcome outcome = channels.submit(channel, filing);

        assertThat(outcome.accepted()).as(name).isFalse();
        if (defect.xmlCarries() || !XML_CHANNELS.contains(channel)) {
            assertThat(outcome.violations()).as(name).contains(defect.code() + "@" + channel.place(defect.pointer()));
        } else {
            assertThat(outcome.violations()).as(name).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).startsWith(defect.code() + "@"));
        }
        assertThat(outcome.violations()).as("nothing of the text echoed").noneMatch(v -> v.contains("\u0000")
                || v.contains("\u001b") || v.contains("\uFFFF"));
        assertThat(stored()).as("nothing stored").isEqualTo(stored);
        Outcome good = channels.submit(channel, base());
        assertThat(good.accepted()).as("a good filing right after: %s", good).isTrue();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isNotNull();
        }
    }

    /** Input broken or hostile in each channel's own format, and the code each channel answers it with. */
    static Stream<Arguments> brokenInputByChannel() {
        String deepJson = "{\"type\":\"PERSONNEL_FILING\",\"filing\":{\"unit\":" + "[".repeat(200) + "]".repeat(200) + "}}";
        String deepXml = "<sub:personnelFiling>" + "<sub:unit>".repeat(200) + "</sub:unit>".repeat(200)
                + "</sub:personnelFiling>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
        return Stream.of(
                broken("unclosed record", Channel.REST, "{\"unit\": {", "MALFORMED_JSON"),
                broken("unclosed record", Channel.SOAP, "<sub:SubmitPersonnelFiling><sub:filing>", "MALFORMED_XML"),
                broken("unclosed record", Channel.BATCH_JSONL, "{\"type\":\"PERSONNEL_FILING\",\"filing\":{",
                        "MALFORMED_JSON"),
                broken("unclosed record", Channel.BATCH_XML, "<sub:personnelFiling><sub:filingKind>", "MALFORMED_XML"),
                broken("unclosed record", Channel.BATCH_CSV, "F-1,\"INITIAL,2026-11-01", "MALFORMED_CSV"),
                broken("nesting 200 deep", Channel.REST, deepJson.substring(deepJson.indexOf("{\"unit\"")),
                        "NESTING_TOO_DEEP"),
                broken("nesting 200 deep", Channel.SOAP, "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\""
                        + "http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>" + "<x:a xmlns:x=\"urn:x\">".repeat(200)
                        + "</x:a>".repeat(200) + "</soap:Header><soap:Body/></soap:Envelope>", "NESTING_TOO_DEEP"),
                broken("nesting 200 deep", Channel.BATCH_JSONL, deepJson, "NESTING_TOO_DEEP"),
                broken("nesting 200 deep", Channel.BATCH_XML, deepXml, "NESTING_TOO_DEEP"),
                broken("external entity", Channel.SOAP, xxe.replace("<!DOCTYPE r", "<!DOCTYPE soap:Envelope")
                        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>&x;"
                        + "</soap:Body></soap:Envelope>", "XML_DTD_REFUSED"),
                broken("external entity", Channel.BATCH_XML, xxe.replace("<!DOCTYPE r", "<!DOCTYPE sub:Batch")
                        + "<sub:Batch xmlns:sub=\"http://sedx.cn/ws/submission/1\">&x;</sub:Batch>", "XML_DTD_REFUSED"),
                broken("a record of the wrong shape", Channel.BATCH_JSONL, "[1, 2, 3]", "SCHEMA_VIOLATION"),
                broken("a record of the wrong shape", Channel.REST, "[1, 2, 3]", "MALFORMED_JSON"));
    }

    private static Arguments broken(String name, Channel channel, String content, String code) {
        return Arguments.of(name + " via " + channel, channel, content, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputByChannel")
    void everyChannelRefusesBrokenOrHostileInputWithItsOwnCode(String name, Channel channel, String content,
            String code, @org.junit.jupiter.api.io.TempDir Path folder) {
        IntakeChannels channels = new IntakeChannels(province, batch, folder);
        long stored = stored();

        Outcome outcome = channels.submitRaw(channel, content);

        assertThat(outcome.accepted()).as(name).isFalse();
        assertThat(outcome.violations()).as(name).isNotEmpty().anySatisfy(v -> assertThat(v).startsWith(code + "@"));
        assertThat(String.join(" ", outcome.violations())).as("nothing echoed").doesNotContain("root:x", "/etc/passwd");
        assertThat(stored()).isEqualTo(stored);
        assertThat(channels.submit(channel, base()).accepted()).as("a good filing right after").isTrue();
    }

    private static ObjectNode base() {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.class.getResourceAsStream("/soap/personnel-filing.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(JsonNode filing, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = filing.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single();
    }
}
