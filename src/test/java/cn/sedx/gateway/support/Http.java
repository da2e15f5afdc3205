package cn.sedx.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A real HTTP client against a gateway on a local port, optionally carrying credentials on every request. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final List<String> defaultHeaders;

    public Http(int port) {
        this("http://127.0.0.1:" + port, List.of());
    }

    private Http(String base, List<String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public Http bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    /** The same client sending HTTP Basic credentials. */
    public Http basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with("Authorization", "Basic " + encoded);
    }

    /** The gateway's sample operator (HTTP Basic). */
    public Http asOperator() {
        return basic(SampleCredentials.OPERATOR, SampleCredentials.OPERATOR_PASSWORD);
    }

    /** The gateway's sample Guangdong provincial system (jurisdiction 44, every message type). */
    public Http asProvince() {
        return bearer(SampleCredentials.GD_PROVINCE_TOKEN);
    }

    private Http with(String name, String value) {
        List<String> headers = new ArrayList<>(defaultHeaders);
        headers.add(name);
        headers.add(value);
        return new Http(base, List.copyOf(headers));
    }

    public HttpResponse<String> postJson(String path, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> postJson(String path, String body, String... headers) {
        return postJson(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A multipart/form-data upload of one file in part {@code file}, as a browser or curl -F sends it. */
    public HttpResponse<String> postFile(String path, String fileName, byte[] content, String... headers) {
        String boundary = "sedx-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build());
    }

    /** The body of a GET as bytes (a workbook, a report). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return CLIENT.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** A request to {@code path} carrying this client's default headers and {@code headers}. */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (!defaultHeaders.isEmpty()) {
            request.headers(defaultHeaders.toArray(String[]::new));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
