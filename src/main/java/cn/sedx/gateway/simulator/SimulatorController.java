package cn.sedx.gateway.simulator;

import cn.sedx.gateway.shared.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulators' HTTP face: the platforms' intake endpoints (open, as a platform's are: each delivery proves itself
 * by its signature), the counters (open: no personal data), and what was received and the control of behaviour,
 * which carry personal data or change the gateway's deliveries and so need an operator (auditors may read what was
 * received); see docs/security.md.
 */
@RestController
@RequestMapping("/sim")
@ConditionalOnProperty(prefix = "sedx.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
class SimulatorController {

    private final SimulatedPlatforms platforms;
    private final ReceivedLog log;
    private final long maxBody;

    SimulatorController(SimulatedPlatforms platforms, ReceivedLog log, SimulatorSettings settings) {
        this.platforms = platforms;
        this.log = log;
        this.maxBody = settings.maxBody().toBytes();
    }

    @PostMapping("/provincial/{destination}/filings")
    void provincial(@PathVariable String destination, HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        byte[] body = body(request, response);
        if (body != null) {
            write(platforms.provincial(destination, headers(request), body), response);
        }
    }

    /** A local regulator's system (属地监管部门): signed JSON like a provincial platform's, its own endpoint. */
    @PostMapping("/regulator/{destination}/filings")
    void regulator(@PathVariable String destination, HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        byte[] body = body(request, response);
        if (body != null) {
            write(platforms.regulator(destination, headers(request), body), response);
        }
    }

    @PostMapping("/national/{destination}/packages")
    void national(@PathVariable String destination, HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        byte[] body = body(request, response);
        if (body != null) {
            write(platforms.national(destination, headers(request), body), response);
        }
    }

    @PostMapping("/{kind:provincial|national}/{destination}/probe")
    void probe(@PathVariable String kind, @PathVariable String destination, HttpServletRequest request,
            HttpServletResponse response) throws IOException, InterruptedException {
        byte[] body = body(request, response);
        if (body != null) {
            write(platforms.probe(destination, kind.equals("national"), headers(request), body), response);
        }
    }

    @GetMapping(path = "/received", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> received(@RequestParam(required = false) String messageId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReceivedLog.Entry entry : log.find(messageId == null ? null : checked(messageId))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("destination", entry.destination());
            item.put("messageId", entry.messageId());
            item.put("receivedAt", entry.receivedAt().toString());
            item.put("outcome", entry.outcome());
            item.put("headers", entry.headers());
            item.put("bodySize", entry.bodySize());
            item.put("bodyTruncated", entry.truncated());
            item.put("bodyBase64", Base64.getEncoder().encodeToString(entry.body()));
            out.add(item);
        }
        return out;
    }

    /**
     * {@code {destination: count}}: how many verified copies of a message id each destination received, every
     * repeat counted (open, as the counters are: no personal data). Without {@code messageId}, or with one that is
     * no message id, {@code 422 SCHEMA_VIOLATION} at {@code messageId}.
     */
    @GetMapping(path = "/receptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Integer> receptions(@RequestParam String messageId) {
        return log.receptions(checked(messageId));
    }

    /**
     * A message id as a query parameter: 1 to 128 visible ASCII characters (a gateway's id is a 36-character UUID),
     * else {@code 422 SCHEMA_VIOLATION} at {@code messageId}, the value not echoed.
     */
    private static String checked(String messageId) {
        boolean visibleAscii = messageId.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (messageId.isEmpty() || messageId.length() > 128 || !visibleAscii) {
            throw QueryParameters.invalid("messageId", "messageId 须为 1 至 128 个可见 ASCII 字符",
                    "messageId must be 1 to 128 visible ASCII characters");
        }
        return messageId;
    }

    @GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Map<String, Long>> stats() {
        return log.stats();
    }

    @PostMapping(path = "/control", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> control(@RequestBody Control control) {
        Behaviour behaviour = new Behaviour(control.mode() == null ? Behaviour.Mode.OK : control.mode(),
                control.status(), control.delayMs(), control.callback(), control.callbackDelayMs(), control.reason());
        platforms.control(control.destination(), behaviour);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("destination", control.destination());
        answer.put("mode", behaviour.mode());
        return answer;
    }

    /** The body of {@code POST /sim/control}. */
    record Control(String destination, Behaviour.Mode mode, Integer status, Long delayMs,
            SimulatorSettings.CallbackMode callback, Long callbackDelayMs, String reason) {}

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    /** The body, or null after answering 413 when it is longer than a simulated platform reads. */
    private byte[] body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length <= maxBody) {
                return body;
            }
        }
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getOutputStream().write("{\"code\":\"PAYLOAD_TOO_LARGE\",\"status\":413}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return null;
    }

    private static void write(SimulatedPlatforms.Answer answer, HttpServletResponse response) throws IOException {
        if (answer.drop()) {
            // promise a body, send part of it and break off: the client sees the connection drop mid-answer
            response.setStatus(200);
            response.setContentLength(1024);
            response.getOutputStream().write(new byte[16]);
            response.flushBuffer();
            throw new IOException("simulated connection drop");
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.getOutputStream().write(answer.body());
    }
}
