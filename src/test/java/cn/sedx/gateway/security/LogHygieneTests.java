package cn.sedx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sedx.gateway.support.GatewayTest;
import cn.sedx.gateway.support.Http;
import cn.sedx.gateway.support.SampleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What anonymous bad requests leave in the log of a running gateway: at most one short line each, no stack
 * trace, no forged line, no personal identifier in clear.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests {

    private static final String FORGED = "2026-12-01T00:00:00.000Z ERROR 1 --- [main] forged.Logger : pwned";
    private static final String ENCODED = "%0d%0a2026-12-01T00:00:00.000Z%20ERROR%201%20---%20%5Bmain%5D%20forged.Logger"
            + "%20:%20pwned%2011010519491231002X%20%2B8613812345678";

    @LocalServerPort
    int port;

    @Test
    void aWsdlQueryWithLineBreaksLogsOneShortLineAndAnswers404(CapturedOutput output) {
        assertLeavesAtMostOneLine(output, () -> new Http(port).get("/ws/submission?xsd=a" + ENCODED), 404);
        assertLeavesAtMostOneLine(output, () -> new Http(port).get("/ws/submission?wsdl=b" + ENCODED), 404);
    }

    @Test
    void malformedJsonToAnAdminEndpointLogsNoStackTrace(CapturedOutput output) {
        Http operator = new Http(port).basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);

        assertLeavesAtMostOneLine(output, () -> operator.postJson("/api/v1/admin/replays",
                "{\"reason\": 11010519491231002X\r\n" + FORGED), 400);
    }

    @Test
    void aRequestLineTomcatRefusesLogsNothing(CapturedOutput output) {
        assertLeavesAtMostOneLine(output, () -> raw("GET /api/v1/x{}|11010519491231002X HTTP/1.1\r\nHost: x\r\n\r\n"),
                400);
    }

    @Test
    void aMethodThePathDoesNotTakeIsAnswered405AndNotLogged(CapturedOutput output) {
        int before = output.getAll().length();
        // the operator may GET under /api/v1/admin, so the request passes the security chain and meets Spring MVC
        HttpResponse<String> response = new Http(port).basic(SampleCredentials.OPERATOR,
                SampleCredentials.OPERATOR_PASSWORD).get("/api/v1/admin/uploads/personnel/run");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(output.getAll().substring(before)).doesNotContain("not supported").doesNotContain("'GET'");
    }

    @Test
    void anUnknownMessageIdWithLineBreaksIsNotEchoed(CapturedOutput output) {
        HttpResponse<String> response = new Http(port).asProvince().get("/api/v1/messages/x" + ENCODED);

        // the firewall refuses an encoded line break in the path (400); any other id is not found (404)
        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("forged", "11010519491231002X");
        assertClean(output.getAll());
    }

    private void assertLeavesAtMostOneLine(CapturedOutput output, Supplier<Object> request, int status) {
        int before = output.getAll().length();
        Object answer = request.get();
        int code = answer instanceof HttpResponse<?> response ? response.statusCode() : (Integer) answer;
        String logged = output.getAll().substring(before);
        assertThat(code).as(logged).isEqualTo(status);
        List<String> lines = Arrays.stream(logged.split("\\R")).filter(line -> !line.isBlank())
                .filter(line -> line.contains("forged") || line.contains("pwned") || line.startsWith("\t")
                        || line.contains("Exception")).toList();
        assertThat(lines).as(logged).hasSizeLessThanOrEqualTo(1);
        assertClean(logged);
    }

    private static void assertClean(String logged) {
        assertThat(Arrays.stream(logged.split("\\R"))).as(logged).noneMatch(line -> line.startsWith(FORGED))
                .noneMatch(line -> line.startsWith("\tat "));
        assertThat(logged).doesNotContain("11010519491231002X", "13812345678");
    }

    /** Sends bytes no HTTP client would send; answers the status of the reply. */
    private int raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
