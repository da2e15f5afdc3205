package cn.sedx.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client of the console, as a browser without JavaScript uses it: keeps its cookies, follows no
 * redirect (so tests see each one), reads the CSRF token out of the pages and posts forms with it.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final List<String> headers = new ArrayList<>();

    public ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same client sending {@code name: value} on every request (a bearer token, Basic credentials). */
    ConsoleClient withHeader(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Signs in through the form; returns the sign-in's answer (302 to the overview on success). */
    HttpResponse<String> signIn(String user, String password) {
        String token = csrf(get("/console/sign-in").body());
        return post("/console/sign-in", token, "username", user, "password", password);
    }

    public ConsoleClient signedIn(String user, String password) {
        HttpResponse<String> answer = signIn(user, password);
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in of " + user + " failed: " + answer.statusCode() + " "
                    + answer.headers().map());
        }
        return this;
    }

    /** @param extra more headers, name then value */
    public HttpResponse<String> get(String path, String... extra) {
        HttpRequest.Builder request = request(path);
        if (extra.length > 0) {
            request.headers(extra);
        }
        return send(request.GET().build());
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form; {@code token} is the CSRF token (null to send none), then name/value pairs. */
    HttpResponse<String> post(String path, String token, String... fields) {
        StringBuilder form = new StringBuilder();
        if (token != null) {
            form.append("_csrf=").append(encode(token));
        }
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    /** The CSRF token of this session, read from a page that has a form (every signed-in page has sign-out). */
    String token() {
        return csrf(get("/console/").body());
    }

    HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }

    static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
