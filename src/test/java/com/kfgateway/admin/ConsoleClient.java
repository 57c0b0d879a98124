package com.kfgateway.admin;

import com.kfgateway.it.TestGateway;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * The console as tests use it: a JavaScript-free HtmlUnit browser (as an old browser or a screen reader would see
 * the pages) and the admin API over HTTP Basic.
 */
final class ConsoleClient {

    private final TestGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleClient(TestGateway gateway) {
        this.gateway = gateway;
    }

    WebClient browser() {
        return newBrowser();
    }

    /** A JavaScript-free browser that asks for English pages, for a gateway other than the shared one. */
    static WebClient newBrowser() {
        WebClient browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setTimeout(30_000);
        browser.addRequestHeader("Accept-Language", "en");
        return browser;
    }

    HtmlPage login(WebClient browser, String username, String password) throws IOException {
        HtmlPage page = browser.getPage(gateway.uri("/admin/index.xhtml").toURL());
        HtmlForm form = page.getFormByName("login");
        form.getInputByName("username").setValue(username);
        form.getInputByName("password").setValue(password);
        return form.getInputByName("submit").click();
    }

    HtmlPage loginAsAdmin(WebClient browser) throws IOException {
        return login(browser, TestGateway.ADMIN_USER, TestGateway.ADMIN_PASSWORD);
    }

    /** The doctor page of the gateway at {@code baseUri}, logged in as the admin, as staff open it. */
    static HtmlPage doctorPage(WebClient browser, URI baseUri) throws IOException {
        HtmlPage page = browser.getPage(baseUri.resolve("/admin/index.xhtml").toURL());
        HtmlForm form = page.getFormByName("login");
        form.getInputByName("username").setValue(TestGateway.ADMIN_USER);
        form.getInputByName("password").setValue(TestGateway.ADMIN_PASSWORD);
        form.getInputByName("submit").click();
        return browser.getPage(baseUri.resolve("/admin/doctor/index.xhtml").toURL());
    }

    HttpResponse<String> api(String method, String path, String user, String password) {
        // As every script must: a state-changing call without it is refused as a possible cross-site forgery.
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Requested-By", "kf-gateway-tests");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    HttpResponse<String> api(String method, String path) {
        return api(method, path, TestGateway.ADMIN_USER, TestGateway.ADMIN_PASSWORD);
    }

    JsonObject json(String path) {
        HttpResponse<String> response = api("GET", path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    URI uri(String path) {
        return gateway.uri(path);
    }

    static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** The conversation id of a customer, once the pipeline has stored it. */
    long conversationOf(String externalUserid) {
        TestGateway.await("the conversation of " + externalUserid, Duration.ofSeconds(30),
                () -> !json("/api/admin/conversations?q=" + externalUserid).getJsonArray("items").isEmpty());
        return json("/api/admin/conversations?q=" + externalUserid).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }
}
