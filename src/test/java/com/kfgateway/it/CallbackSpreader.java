package com.kfgateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The load balancer in front of a cluster: WeCom's callbacks, received on loopback, go to the nodes in turn, each
 * with its path, query and body unchanged; a node that does not answer (killed) is skipped for the next one. The
 * simulator is pointed at {@link #uri()} instead of a node.
 */
public final class CallbackSpreader implements AutoCloseable {

    private final List<URI> nodes;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray delivered;

    private CallbackSpreader(List<URI> nodes) throws IOException {
        this.nodes = List.copyOf(nodes);
        this.delivered = new AtomicLongArray(nodes.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** In front of nodes whose base URIs are given. */
    public static CallbackSpreader start(List<URI> nodes) throws IOException {
        return new CallbackSpreader(nodes);
    }

    /** The callback URL to give WeCom. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/wecom/callback");
    }

    /** How many callbacks node {@code index} answered. */
    public long deliveredTo(int index) {
        return delivered.get(index);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        for (int attempt = 0; attempt < nodes.size(); attempt++) {
            int index = (first + attempt) % nodes.size();
            try {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(nodes.get(index).resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(5)).method(exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "text/xml").build(), HttpResponse.BodyHandlers.ofByteArray());
                delivered.incrementAndGet(index);
                reply(exchange, answer.statusCode(), answer.body());
                return;
            } catch (IOException down) {
                // That node is gone: the next one takes the callback, as a load balancer's health check would.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        reply(exchange, 502, new byte[0]);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
