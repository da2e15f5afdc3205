package cn.sedx.gateway.security;

import cn.sedx.gateway.intake.batch.BatchIntake;
import cn.sedx.gateway.intake.batch.BatchSummary;
import cn.sedx.gateway.support.Http;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Sends one personnel filing (canonical JSON) through each intake channel of a running gateway, as a caller
 * would: REST (JSON over HTTP), SOAP (a SOAP 1.1 envelope over HTTP; XML 1.1 when the text holds C0 controls,
 * the only XML that can carry them, as character references) and batch files (JSON Lines, XML, CSV, processed
 * by the gateway's batch intake), and answers the outcome in one shape.
 */
final class IntakeChannels {

    /** The channels, with how each names the place of a JSON pointer in its own format. */
    enum Channel {
        REST, SOAP, BATCH_JSONL, BATCH_XML, BATCH_CSV;

        /** Where this channel reports a violation at {@code pointer} of a personnel filing. */
        String place(String pointer) {
            return switch (this) {
                case REST -> pointer;
                case SOAP -> "/soap:Envelope/soap:Body/sub:SubmitPersonnelFiling/sub:filing" + relative(pointer);
                case BATCH_JSONL -> "/filing" + pointer;
                case BATCH_XML -> "/sub:personnelFiling" + relative(pointer);
                case BATCH_CSV -> CSV_COLUMNS.getOrDefault(pointer.replaceAll("/\\d+", ""), pointer);
            };
        }
    }

    /**
     * What a channel answered.
     *
     * @param accepted   whether the filing was taken (202, a SOAP receipt, an accepted batch record)
     * @param violations each violation as {@code CODE@place}
     */
    record Outcome(boolean accepted, String code, List<String> violations) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    // lines written as ASCII (every other character escaped), so a lone surrogate survives the file's UTF-8
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SUB = "http://sedx.cn/ws/submission/1";
    private static final Map<String, String> CSV_COLUMNS = Map.of("/unit/name", "单位名称", "/unit/uscc", "统一社会信用代码",
            "/unit/useRegistrationNumbers", "使用登记证编号", "/unit/regionCode", "行政区划代码", "/persons/name", "姓名", "/persons/idNumber", "身份证号",
            "/persons/mobile", "手机号码");
    private static final String CSV_HEADER = "填报编号,填报类型,生效日期,单位名称,统一社会信用代码,单位类型,行政区划代码,单位设备类别,"
            + "许可证编号,使用登记证编号,岗位,姓名,身份证号,手机号码,任命日期,证书编号,负责设备类别,负责设备代码";

    private final Http province;
    private final BatchIntake batch;
    private final Path folder;

    /**
     * @param province a client carrying the gd-province token
     * @param folder   where batch files are written and processed (not an inbox the gateway polls)
     */
    IntakeChannels(Http province, BatchIntake batch, Path folder) {
        this.province = province;
        this.batch = batch;
        this.folder = folder;
    }

    /**
     * Sends {@code content} as it is, in the channel's own format: a REST body, the SOAP body element(s) of a
     * SubmitPersonnelFiling envelope (or, starting with {@code <?xml} or {@code <!}, the whole request), one JSON
     * Lines line, the filing elements of an XML batch (or the whole file), the data rows of a CSV file.
     */
    Outcome submitRaw(Channel channel, String content) {
        try {
            return switch (channel) {
                case REST -> rest(content.getBytes(StandardCharsets.UTF_8));
                case SOAP -> soap(content.startsWith("<?xml") || content.startsWith("<!") ? content
                        : "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\" xmlns:sub=\"" + SUB + "\"><soap:Body>" + content
                                + "</soap:Body></soap:Envelope>");
                case BATCH_JSONL -> batch("jsonl", content + "\n");
                case BATCH_XML -> batch("xml", content.startsWith("<?xml") || content.startsWith("<!") ? content
                        : "<sub:Batch xmlns:sub=\"" + SUB + "\">" + content + "</sub:Batch>");
                case BATCH_CSV -> batch("csv", CSV_HEADER + "\n" + content + "\n");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Outcome submit(Channel channel, JsonNode filing) {
        try {
            return switch (channel) {
                case REST -> rest(filing);
                case SOAP -> soap(filing);
                case BATCH_JSONL -> batch("jsonl", "{\"type\":\"PERSONNEL_FILING\",\"filing\":"
                        + ASCII_JSON.writeValueAsString(filing) + "}\n");
                case BATCH_XML -> batch("xml", xmlDeclaration(filing) + "<sub:Batch xmlns:sub=\"" + SUB
                        + "\"><sub:personnelFiling>" + xml(filing) + "</sub:personnelFiling></sub:Batch>");
                case BATCH_CSV -> batch("csv", csv(filing));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome rest(JsonNode filing) throws IOException {
        return rest(JSON.writeValueAsBytes(filing));
    }

    private Outcome rest(byte[] body) throws IOException {
        HttpResponse<String> response = province.postJson("/api/v1/personnel-filings", body);
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() == 202) {
            return new Outcome(true, null, List.of());
        }
        List<String> violations = new ArrayList<>();
        answer.path("violations").forEach(v -> violations.add(v.path("code").asText() + "@"
                + v.path("pointer").asText()));
        return new Outcome(false, answer.path("code").asText(), violations);
    }

    private Outcome soap(JsonNode filing) throws IOException {
        return soap(xmlDeclaration(filing) + "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\" xmlns:sub=\"" + SUB
                + "\"><soap:Body><sub:SubmitPersonnelFiling><sub:filing>" + xml(filing)
                + "</sub:filing></sub:SubmitPersonnelFiling></soap:Body></soap:Envelope>");
    }

    private Outcome soap(String envelope) throws IOException {
        HttpResponse<String> response = province.send(province.request("/ws/submission")
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
        if (response.statusCode() == 200) {
            return new Outcome(true, null, List.of());
        }
        Element root = parse(response.body());
        NodeList codes = root.getElementsByTagNameNS(SUB, "code");
        NodeList paths = root.getElementsByTagNameNS(SUB, "xpath");
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            violations.add(codes.item(i + 1).getTextContent() + "@" + paths.item(i).getTextContent());
        }
        return new Outcome(false, codes.getLength() == 0 ? null : codes.item(0).getTextContent(), violations);
    }

    private Outcome batch(String format, String content) throws IOException {
        Path file = folder.resolve(UUID.randomUUID() + "." + format);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        BatchSummary summary = batch.process(file, "gd-province");
        if (summary.failed() == 0) {
            return new Outcome(summary.accepted() == 1, summary.toString(), List.of());
        }
        JsonNode errors = JSON.readTree(folder.resolve("failed").resolve(file.getFileName() + ".errors.json").toFile());
        List<String> violations = new ArrayList<>();
        errors.forEach(e -> violations.add(e.path("code").asText() + "@" + e.path("field").asText()));
        return new Outcome(false, errors.path(0).path("code").asText(), violations);
    }

    /** XML 1.1 only when the filing holds a C0 control: XML 1.0 cannot carry one, even as a reference. */
    private static String xmlDeclaration(JsonNode filing) {
        return "<?xml version=\"" + (filing.toString().matches("(?s).*\\\\u00[01][0-9a-fA-F].*") ? "1.1" : "1.0")
                + "\" encoding=\"UTF-8\"?>";
    }

    /** The elements of a JSON object in the contract's form: same names, arrays as repeated elements. */
    static String xml(JsonNode node) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            for (JsonNode value : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                out.append("<sub:").append(field.getKey()).append('>');
                out.append(value.isObject() ? xml(value) : text(value.asText()));
                out.append("</sub:").append(field.getKey()).append('>');
            }
        }
        return out.toString();
    }

    /** Escapes markup; writes controls, surrogates and U+FFFE/U+FFFF as character references. */
    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> {
            if (c == '<' || c == '&' || c == '>' || c < 0x20 && c != '\t' && c != '\n' || c >= 0xD800 && c <= 0xDFFF
                    || c >= 0xFFFE) {
                out.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static String csv(JsonNode filing) {
        JsonNode unit = filing.path("unit");
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (JsonNode person : filing.path("persons")) {
            List<String> cells = List.of("F-1", filing.path("filingKind").asText(), filing.path("effectiveDate").asText(),
                    unit.path("name").asText(), unit.path("uscc").asText(), unit.path("unitKind").asText(),
                    unit.path("regionCode").asText(), joined(unit.path("equipmentCategories")),
                    joined(unit.path("licenceNumbers")), joined(unit.path("useRegistrationNumbers")),
                    person.path("role").asText(), person.path("name").asText(), person.path("idNumber").asText(),
                    person.path("mobile").asText(), person.path("appointedOn").asText(),
                    person.path("certificateNumber").asText(), joined(person.path("equipmentCategories")),
                    joined(person.path("responsibleDeviceCodes")));
            out.append(String.join(",", cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String joined(JsonNode values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.asText()));
        return String.join(";", parts);
    }

    private static String relative(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
            path.append(segment.chars().allMatch(Character::isDigit) ? "[" + (Integer.parseInt(segment) + 1) + "]"
                    : "/sub:" + segment);
        }
        return path.toString();
    }

    private static Element parse(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the answer is not XML: " + xml, e);
        }
    }
}
