package com.kfgateway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The product's figures as a Prometheus scraper reads them from /metrics?scope=application (opened for the test). */
public record PrometheusText(String text) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Scrapes the gateway at {@code baseUri}; anything but 200 fails with what came back. */
    public static PrometheusText scrape(URI baseUri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUri.resolve("/metrics?scope=application"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusText(response.body());
    }

    /**
     * The first sample of {@code name} whose labels contain {@code label} (any sample when null); 0 while it has never
     * been counted, which Prometheus reads the same as an absent counter.
     */
    public double value(String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
        while (sample.find()) {
            if (label == null || (sample.group(1) != null && sample.group(1).contains(label))) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
