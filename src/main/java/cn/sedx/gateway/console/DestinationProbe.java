package cn.sedx.gateway.console;

import cn.sedx.gateway.delivery.DeliverySettings;
import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import cn.sedx.gateway.shared.PersonalDataMask;
import cn.sedx.gateway.shared.SedxException;
import cn.sedx.gateway.signing.Certificates;
import cn.sedx.gateway.signing.SignatureProfile;
import cn.sedx.gateway.signing.SignatureVerifier;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * "Test connection": one signed probe call to a destination, as a delivery would make it (the destination's signing
 * key and timeouts, the wire's signature headers), to {@code {url}{sedx.console.probe-path}}. It carries no filing
 * and changes nothing; the answer's status, headers, body (masked) and, when it is signed, whether its signature
 * verifies against the trust store are shown. Relative URLs mean this gateway's own port, as for delivery.
 */
@Service
@ConsoleEnabled
class DestinationProbe {

    private static final int MAX_SHOWN = 2000;

    private final DeliverySettings delivery;
    private final SigningKeys keys;
    private final SignatureVerifier verifier;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile int localPort = -1;

    public DestinationProbe(DeliverySettings delivery, SigningKeys keys, SignatureVerifier verifier,
            ConsoleSettings settings, Clock clock, ObjectMapper json) {
        this.delivery = delivery;
        this.json = json;
        this.keys = keys;
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /**
     * What a destination answered to one probe.
     *
     * @param status         the HTTP status, or null when no answer came ({@code error} says why)
     * @param signature      null when the answer was not signed, else "verified" or what failed
     */
    public record Result(String destination, String url, Instant at, long durationMs, Integer status,
            Map<String, String> headers, String body, String signature, String error) {

        public boolean reached() {
            return status != null && status < 500;
        }
    }

    /** @throws IllegalArgumentException for a destination that is not configured */
    public Result probe(String name) throws InterruptedException {
        Destination destination = delivery.destinations().get(name);
        if (destination == null) {
            throw new IllegalArgumentException("no destination " + name);
        }
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI target = null;
        try {
            target = target(destination.url());
            HttpResponse<byte[]> answer = send(destination, target, request(name, destination, target, at));
            long ms = (System.nanoTime() - started) / 1_000_000;
            return new Result(name, target.toString(), at, ms, answer.statusCode(), shownHeaders(answer),
                    shown(answer.body()), signature(answer, at), null);
        } catch (IOException | SedxException | IllegalArgumentException e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            return new Result(name, target == null ? destination.url().toString() : target.toString(), at, ms,
                    null, Map.of(), null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private HttpRequest request(String name, Destination destination, URI target, Instant at) throws IOException {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("probe", true);
        probe.put("destination", name);
        probe.put("sender", delivery.sender().name());
        probe.put("senderUscc", delivery.sender().uscc());
        probe.put("at", at.toString());
        byte[] body = json.writeValueAsBytes(probe);
        Signer signer = keys.signer(destination.signingKey());
        return HttpRequest.newBuilder(target)
                .timeout(settings.probeTimeout())
                .header("Content-Type", "application/json")
                .header("X-Message-Id", "probe-" + UUID.randomUUID())
                .header("X-Message-Type", "PROBE")
                .header("X-Signature-Algorithm", signer.profile().headerValue())
                .header("X-Signature", Base64.getEncoder().encodeToString(signer.sign(body)))
                .header("X-Signer-Cert", certificate(signer))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private HttpResponse<byte[]> send(Destination destination, URI target, HttpRequest request)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(destination.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        var answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the whole answer within the timeout, not only its headers (a platform may stall in its body)
            return answer.get(settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException("no complete answer within " + settings.probeTimeout());
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private String signature(HttpResponse<byte[]> answer, Instant at) {
        String algorithm = answer.headers().firstValue("X-Signature-Algorithm").orElse(null);
        if (algorithm == null) {
            return null;
        }
        try {
            verifier.verify(SignatureProfile.fromHeader(algorithm), answer.body(),
                    Base64.getDecoder().decode(answer.headers().firstValue("X-Signature").orElse("")),
                    Certificates.parse(Base64.getDecoder().decode(answer.headers().firstValue("X-Signer-Cert")
                            .orElse(""))), at);
            return "verified";
        } catch (SedxException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private URI target(URI base) {
        String path = base.toString().replaceAll("/+$", "") + settings.probePath();
        if (base.isAbsolute()) {
            return URI.create(path);
        }
        if (localPort < 0) {
            throw new IllegalArgumentException("this gateway's own port is not known yet");
        }
        return URI.create("http://localhost:" + localPort + path);
    }

    private static Map<String, String> shownHeaders(HttpResponse<byte[]> answer) {
        Map<String, String> shown = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equalsIgnoreCase("set-cookie")) {
                shown.put(name, values.get(0).length() > 120 ? values.get(0).substring(0, 120) + "…" : values.get(0));
            }
        });
        return shown;
    }

    private static String shown(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, MAX_SHOWN), StandardCharsets.UTF_8);
        return PersonalDataMask.text(text);
    }

    private static String certificate(Signer signer) {
        try {
            return Base64.getEncoder().encodeToString(signer.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("signing certificate cannot be encoded", e);
        }
    }
}
