package com.kfgateway.wecom.control;

import com.kfgateway.http.Jsons;
import com.kfgateway.http.BoundedBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw transport to {@code <api base>/cgi-bin/<path>}: builds the URL, sends, and turns the answer into a
 * {@link WeComResponse} or a {@link WeComException}. No retries and no token handling (that is {@link WeComClient}).
 * Every URL it shows has {@code access_token} and {@code corpsecret} redacted.
 *
 * <p>Answers are bounded twice: in size ({@link #JSON_MAX_BYTES}, {@link WeComConfig#mediaMaxBytes()}; reading stops
 * at the limit) and in time, for the whole exchange, body included: the request timeout alone ends when the headers
 * arrive, and a server that then trickles its body would hold the caller for as long as it likes.
 *
 * <p>Methods are public, not package-private, because callers reach this bean through a CDI client proxy.
 */
@ApplicationScoped
public class WeComHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A kf/sync_msg page of 1000 items is the largest JSON answer: 0.24 MB of short texts and 2.2 MB of 2 KB texts
     * from the simulator, 6.2 MB of 2,000-character Chinese ones. Room for more than twice that.
     */
    static final long JSON_MAX_BYTES = 16L * 1024 * 1024;
    /** The whole JSON exchange may take twice the request timeout; a 20 MB download six times (a minute, by default). */
    static final int JSON_DEADLINE_TIMEOUTS = 2;
    static final int MEDIA_DEADLINE_TIMEOUTS = 6;
    private static final Logger LOG = Logger.getLogger(WeComHttp.class.getName());
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(access_token|corpsecret)=[^&\\s\"']*");

    @Inject
    WeComConfig config;

    /** Set only by tests that need a shorter wait than the configuration's (wecom.http-timeout-seconds). */
    private Duration requestTimeout;
    private volatile HttpClient client;

    public WeComHttp() {
    }

    WeComHttp(WeComConfig config, Duration requestTimeout) {
        this.config = config;
        this.requestTimeout = requestTimeout;
    }

    /** {@code gettoken} is the one call that carries the secret instead of a token. */
    public WeComResponse gettoken(String corpId, String secret) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("corpid", corpId);
        query.put("corpsecret", secret);
        return get("gettoken", query, null);
    }

    public WeComResponse get(String path, Map<String, String> query, String accessToken) {
        URI uri = uri(path, query, accessToken);
        return json(path, uri, sendJson(request(uri).GET().build(), uri));
    }

    public WeComResponse post(String path, Map<String, String> query, String accessToken, JsonObject body) {
        URI uri = uri(path, query, accessToken);
        HttpRequest request = request(uri).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return json(path, uri, sendJson(request, uri));
    }

    /** A file download, which answers in JSON only when it fails; at most {@link WeComConfig#mediaMaxBytes()}. */
    public MediaDownload download(String path, Map<String, String> query, String accessToken) {
        URI uri = uri(path, query, accessToken);
        HttpResponse<byte[]> response = send(request(uri).GET().build(), uri, config.mediaMaxBytes(),
                MEDIA_DEADLINE_TIMEOUTS);
        String contentType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
        String disposition = response.headers().firstValue("Content-Disposition").orElse(null);
        if (contentType.toLowerCase().contains("json") || disposition == null && looksLikeError(response.body())) {
            return MediaDownload.failed(json(path, uri, response));
        }
        return MediaDownload.file(response.body(), contentType, fileName(disposition));
    }

    /** Replaces the value of every {@code access_token=} and {@code corpsecret=} in the text. */
    public static String redact(String text) {
        return text == null ? null : SECRET_PARAMETER.matcher(text).replaceAll("$1=***");
    }

    private URI uri(String path, Map<String, String> query, String accessToken) {
        StringBuilder url = new StringBuilder(config.apiBase()).append("/cgi-bin/").append(path);
        char separator = '?';
        if (accessToken != null) {
            url.append(separator).append("access_token=").append(encode(accessToken));
            separator = '&';
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private Duration timeout() {
        return requestTimeout != null ? requestTimeout : config.httpTimeout();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout()).header("Accept",
                "application/json");
    }

    private HttpResponse<byte[]> sendJson(HttpRequest request, URI uri) {
        return send(request, uri, JSON_MAX_BYTES, JSON_DEADLINE_TIMEOUTS);
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI uri, long maxBytes, int deadlineTimeouts) {
        String shown = request.method() + " " + redact(uri.toString());
        long deadlineSeconds = timeout().toSeconds() * deadlineTimeouts;
        BoundedBody body = new BoundedBody(maxBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = client().sendAsync(request, body);
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadlineSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            stop(exchange, body);
            throw failure(WeComException.Kind.TIMEOUT, shown + ": no complete answer within " + deadlineSeconds
                    + " s", e);
        } catch (ExecutionException e) {
            throw failure(shown, e.getCause());
        } catch (InterruptedException e) {
            stop(exchange, body);
            Thread.currentThread().interrupt();
            throw failure(WeComException.Kind.INTERRUPTED, shown + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new WeComException(WeComException.Kind.HTTP_STATUS, response.statusCode(), shown + ": HTTP "
                    + response.statusCode() + " " + snippet(response.body()), null);
        }
        return response;
    }

    /** Cancelling the future alone may leave the body being read in the background; the body is stopped too. */
    private static void stop(CompletableFuture<?> exchange, BoundedBody body) {
        body.abort();
        exchange.cancel(true);
    }

    private WeComException failure(String shown, Throwable cause) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof HttpConnectTimeoutException) {
            return failure(WeComException.Kind.CONNECT, shown + ": no connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s", root);
        }
        if (root instanceof HttpTimeoutException) {
            return failure(WeComException.Kind.TIMEOUT, shown + ": no answer within " + timeout().toSeconds() + " s",
                    root);
        }
        if (root instanceof ConnectException) {
            return failure(WeComException.Kind.CONNECT, shown + ": cannot connect (" + redact(root.getMessage())
                    + ")", root);
        }
        return failure(WeComException.Kind.IO, shown + ": " + (root instanceof BoundedBody.TooLarge ? ""
                : root.getClass().getSimpleName() + " ") + redact(root.getMessage()), root);
    }

    private WeComResponse json(String path, URI uri, HttpResponse<byte[]> response) {
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        JsonObject body;
        try (JsonReader reader = Jsons.reader(new StringReader(raw))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WeComException(WeComException.Kind.NOT_JSON, response.statusCode(), response.request().method()
                    + " " + redact(uri.toString()) + ": answer is not a JSON object: " + snippet(response.body()), e);
        }
        WeComResponse answer = WeComResponse.of(body, raw);
        if (answer.wrongJsonFormat()) {
            LOG.warning(() -> "WeCom could not parse our JSON for " + path + " (errcode " + answer.errcode()
                    + "): fields were dropped");
        }
        LOG.fine(() -> response.request().method() + " " + redact(uri.toString()) + " -> errcode " + answer.errcode());
        return answer;
    }

    private static WeComException failure(WeComException.Kind kind, String message, Throwable cause) {
        LOG.log(Level.FINE, message);
        return new WeComException(kind, 0, message, cause);
    }

    private static boolean looksLikeError(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("{") && start.contains("\"errcode\"");
    }

    private static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher name = Pattern.compile("filename=\"?([^\";]*)\"?").matcher(disposition);
        return name.find() ? name.group(1) : null;
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return redact(text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = client;
            }
        }
        return current;
    }
}
