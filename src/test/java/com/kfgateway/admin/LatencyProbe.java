package com.kfgateway.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Times one GET again and again, one request at a time on loopback: a few unmeasured warm-up requests (at most a third
 * of the budget), then up to
 * {@code requests} measured ones, or fewer (at least {@code minimum}) when the time budget runs out, so a slow query
 * cannot stretch the run past its budget. A non-200 answer stops the run: a fast error is not a fast page.
 */
final class LatencyProbe {

    record Result(int count, double p50Millis, double p95Millis, String lastBody) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final int warmup;
    private final int requests;
    private final int minimum;
    private final Duration budget;

    LatencyProbe(int warmup, int requests, int minimum, Duration budget) {
        this.warmup = warmup;
        this.requests = requests;
        this.minimum = minimum;
        this.budget = budget;
    }

    Result measure(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return measure(uri, headers, () -> {
        });
    }

    /** As {@link #measure(URI, Map)}, running {@code beforeEach} (untimed) before every request. */
    Result measure(URI uri, Map<String, String> headers, Runnable beforeEach)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        String body = null;
        long warmupEnd = System.nanoTime() + budget.toNanos() / 3;
        for (int i = 0; i < warmup && (i == 0 || System.nanoTime() < warmupEnd); i++) {
            beforeEach.run();
            body = send(request);
        }
        List<Long> nanos = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        while (nanos.size() < requests && (nanos.size() < minimum || System.nanoTime() < deadline)) {
            beforeEach.run();
            long start = System.nanoTime();
            body = send(request);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return new Result(nanos.size(), percentile(nanos, 50), percentile(nanos, 95), body);
    }

    String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Nearest-rank percentile of sorted samples, in milliseconds. */
    static double percentile(List<Long> sortedNanos, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }
}
