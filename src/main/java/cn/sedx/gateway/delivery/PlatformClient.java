package cn.sedx.gateway.delivery;

import cn.sedx.gateway.delivery.DeliverySettings.Destination;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * POSTs deliveries to the platforms over HTTP with each destination's connect timeout and read timeout (the
 * whole answer, body included, must arrive within the read timeout). A relative
 * base URL ({@code /sim/...}) means this gateway's own port, known once the web server has started.
 */
@Component
class PlatformClient {

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private volatile int localPort = -1;

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /**
     * @throws IOException on a refused or reset connection, a timeout ({@code HttpTimeoutException}), or while
     *     this gateway's own port is not yet known for a relative URL
     */
    public PlatformAnswer post(String name, Destination destination, OutboundRequest request)
            throws IOException, InterruptedException {
        HttpClient client = clients.computeIfAbsent(name, n -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(destination.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        HttpRequest.Builder http = HttpRequest.newBuilder(resolve(destination.url(), request.path()))
                .timeout(destination.readTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<byte[]> response = send(client, http.build(), destination.readTimeout());
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((key, values) -> {
            if (!values.isEmpty()) {
                headers.put(key.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new PlatformAnswer(response.statusCode(), headers, response.body());
    }

    /**
     * Sends and reads the whole answer within {@code timeout}. The request timeout of java.net.http covers only
     * the wait for the response headers; a platform that stalls in the middle of its body would otherwise hold
     * the consumer thread for ever.
     */
    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
    }

    private URI resolve(URI base, String path) throws IOException {
        String target = base.toString().replaceAll("/+$", "") + path;
        if (base.isAbsolute()) {
            return URI.create(target);
        }
        if (localPort < 0) {
            throw new IOException("this gateway's port is not known yet for " + base);
        }
        return URI.create("http://localhost:" + localPort + target);
    }
}
