package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an outsider, a careless link or a hostile customer must not get out of the console. */
@ExtendWith(TestGateway.Extension.class)
class ConsoleSecurityIT {

    static final List<String> PAGES = List.of("/admin/index.xhtml", "/admin/conversations/list.xhtml",
            "/admin/conversations/view.xhtml?id=1", "/admin/sendlog/list.xhtml", "/admin/doctor/index.xhtml",
            "/admin/media/1", "/admin/");
    static final List<String> API = List.of("/api/admin/conversations", "/api/admin/conversations/1/messages",
            "/api/admin/send-log?status=FAILED", "/api/admin/diagnostics");

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void everyConsolePageRedirectsToTheLoginWithoutASession() {
        for (String page : PAGES) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = console.api(method, page, null, null);
                assertEquals(302, response.statusCode(), method + " " + page);
                assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"), page);
                assertFalse(response.body().contains("KF account"), page);
            }
        }
    }

    @Test
    void everyApiUrlAnswers401WithABasicChallengeNeverARedirect() {
        for (String path : API) {
            HttpResponse<String> anonymous = console.api("GET", path, null, null);
            assertEquals(401, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            assertTrue(anonymous.headers().firstValue("Location").isEmpty(), path);
            assertEquals(401, console.api("GET", path, TestGateway.ADMIN_USER, "wrong").statusCode(), path);
        }
        assertEquals(401, console.api("POST", "/api/admin/send-log/1/resend", null, null).statusCode());
    }

    @Test
    void aLoggedInBrowserCannotUseTheApiWithItsCookie() throws Exception {
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            var response = browser.getPage(console.uri("/api/admin/conversations").toURL()).getWebResponse();
            assertEquals(401, response.getStatusCode(), "the API wants Basic, so a forged request from a page fails");
        }
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage page = console.login(browser, TestGateway.ADMIN_USER, "not-the-password");
            assertEquals("/login.xhtml", page.getUrl().getPath());
            assertTrue(page.asNormalizedText().contains("Wrong user name or password."));
            HtmlPage unknownUser = console.login(browser, "nobody", "whatever");
            assertTrue(unknownUser.asNormalizedText().contains("Wrong user name or password."));
            var again = browser.getPage(console.uri("/admin/index.xhtml").toURL());
            assertEquals("/login.xhtml", again.getUrl().getPath(), "still not logged in");
        }
    }

    @Test
    void aPostWithoutTheViewStateTokenIsRejectedAndSendsNothing() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "csrf victim");
        long id = console.conversationOf(customer);
        // The bot's own answer is not part of this test: count from after it arrived.
        TestGateway.await("the bot's answer", java.time.Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        int delivered = gateway.wecom().delivered(ACCOUNT, customer).size();
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            WebRequest forged = new WebRequest(console.uri("/admin/conversations/view.xhtml?id=" + id).toURL(),
                    HttpMethod.POST);
            List<NameValuePair> fields = new ArrayList<>();
            fields.add(new NameValuePair("conv", "conv"));
            fields.add(new NameValuePair("conv:reply", "forged reply"));
            fields.add(new NameValuePair("conv:send", "Send reply"));
            forged.setRequestParameters(fields);
            var response = browser.getPage(forged).getWebResponse();
            assertEquals(403, response.getStatusCode(), "a forged form is refused, not a server error");
            assertTrue(response.getContentAsString().contains("opened from inside the console"),
                    response.getContentAsString());

            var bookmark = browser.getPage(console.uri("/admin/conversations/view.xhtml?id=" + id).toURL())
                    .getWebResponse();
            assertEquals(403, bookmark.getStatusCode(), "a forged link is refused, not a server error");
            assertTrue(bookmark.getContentAsString().contains("opened from inside the console"),
                    "a protected view opened without its token is refused as well");
        }
        Thread.sleep(1000);
        assertEquals(delivered, gateway.wecom().delivered(ACCOUNT, customer).size(), "nothing was sent");
        assertFalse(gateway.server().log().contains("SecretKeyValue"), "the CSRF token never reaches the log");
        assertTrue(gateway.wecom().delivered(ACCOUNT, customer).stream()
                .noneMatch(m -> String.valueOf(m.content()).contains("forged")));
    }

    @Test
    void aScriptInACustomerMessageIsShownAsTextEverywhere() throws Exception {
        String customer = TestGateway.newCustomer();
        String hostile = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";
        gateway.wecom().customerSendsText(ACCOUNT, customer, hostile);
        long id = console.conversationOf(customer);
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            HtmlPage conversation = list.getAnchorByText(customer).click();
            for (HtmlPage page : List.of(list, conversation)) {
                String html = page.getWebResponse().getContentAsString();
                assertFalse(html.contains("<script>alert"), page.getUrl().toString());
                assertFalse(html.contains("<img src=x"), page.getUrl().toString());
            }
            assertTrue(conversation.getWebResponse().getContentAsString().contains("&lt;script&gt;alert("));
            assertTrue(conversation.asNormalizedText().contains("<script>alert('pwned')</script>"),
                    "the customer's text is still readable as text: " + id);
        }
    }

    @Test
    void noSecretAppearsInAnyPageOrApiResponse() throws Exception {
        List<String> secrets = List.of(TestGateway.APP_SECRET, TestGateway.KF_SECRET, TestGateway.AES_KEY,
                TestGateway.CALLBACK_TOKEN, TestGateway.ADMIN_PASSWORD);
        List<String> bodies = new ArrayList<>();
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            bodies.add(dashboard.getWebResponse().getContentAsString());
            for (String menu : List.of("Conversations", "Send log", "Setup doctor")) {
                bodies.add(((HtmlPage) dashboard.getAnchorByText(menu).click()).getWebResponse().getContentAsString());
            }
        }
        for (String path : List.of("/api/admin/conversations", "/api/admin/send-log",
                "/api/admin/diagnostics?lang=zh")) {
            bodies.add(console.api("GET", path).body());
        }
        bodies.add(console.api("POST", "/api/admin/diagnostics/refresh").body());
        for (String body : bodies) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "a secret leaked");
                assertFalse(body.contains(secret.substring(0, 8)), "a secret's prefix leaked");
            }
        }
        assertTrue(bodies.stream().anyMatch(b -> b.contains("sha256:")), "fingerprints are shown instead");
    }

    @Test
    void theWeComCallbackStaysPublic() {
        HttpResponse<String> response = console.send(HttpRequest.newBuilder(URI.create(console.uri(
                "/api/wecom/callback").toString())).GET().build());
        assertTrue(response.statusCode() != 401 && response.statusCode() != 302, "callback: " + response.statusCode());
    }
}
