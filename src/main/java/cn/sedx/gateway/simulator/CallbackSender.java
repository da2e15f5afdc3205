package cn.sedx.gateway.simulator;

import cn.sedx.gateway.shared.DaemonThreads;
import cn.sedx.gateway.signing.Signer;
import cn.sedx.gateway.signing.SigningKeys;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The simulated document exchange's later callbacks: 已签收 (SIGNED_FOR) or 已退回 (RETURNED, with a reason), sent a
 * while after receipt, signed with the national key, to the gateway's callback endpoint.
 */
class CallbackSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final SigningKeys keys;
    private final SimulatorSettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("sedx-simulator-callbacks-"));
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile int localPort = -1;

    CallbackSender(SigningKeys keys, SimulatorSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /** Schedules the callback the behaviour (or the settings) ask for after a document's first receipt. */
    void schedule(String messageId, Behaviour behaviour) {
        SimulatorSettings.CallbackMode mode = behaviour.callback() == null ? settings.callbackMode()
                : behaviour.callback();
        if (mode == SimulatorSettings.CallbackMode.NONE) {
            return;
        }
        long delay = behaviour.callbackDelayMs() == null ? settings.callbackDelay().toMillis()
                : behaviour.callbackDelayMs();
        String reason = behaviour.reason() == null ? settings.returnReason() : behaviour.reason();
        scheduler.schedule(() -> send(messageId, mode, reason), delay, TimeUnit.MILLISECONDS);
    }

    private void send(String messageId, SimulatorSettings.CallbackMode mode, String reason) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("messageId", messageId);
            body.put("status", mode == SimulatorSettings.CallbackMode.SIGN_FOR ? "SIGNED_FOR" : "RETURNED");
            body.put("reason", mode == SimulatorSettings.CallbackMode.RETURN ? reason : null);
            body.put("at", clock.instant().toString());
            byte[] bytes = json.writeValueAsBytes(body);
            Signer signer = keys.signer(settings.nationalKey());
            HttpRequest request = HttpRequest.newBuilder(target())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Signature-Algorithm", signer.profile().headerValue())
                    .header("X-Signature", Base64.getEncoder().encodeToString(signer.sign(bytes)))
                    .header("X-Signer-Cert", SimulatedPlatforms.encoded(signer.certificate()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("simulated document exchange called back {} for {}: HTTP {}", body.get("status"), messageId,
                    status);
        } catch (IOException | RuntimeException e) {
            log.warn("simulated document exchange could not call back for {}: {}", messageId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI target() {
        URI url = settings.callbackUrl();
        return url.isAbsolute() ? url : URI.create("http://localhost:" + localPort + url);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
