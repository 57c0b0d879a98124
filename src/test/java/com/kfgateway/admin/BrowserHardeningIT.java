package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the console tells a browser: no framing, no foreign scripts, no caching, no session for a mere visit. */
@ExtendWith(TestGateway.Extension.class)
class BrowserHardeningIT {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void consoleLoginAndApiAnswersForbidFramingForeignScriptsAndCaching() throws Exception {
        assertHardened("GET /login.xhtml", console.api("GET", "/login.xhtml", null, null).headers());
        assertHardened("GET /admin/index.xhtml anonymous", console.api("GET", "/admin/index.xhtml", null, null)
                .headers());
        assertHardened("API 401", console.api("GET", "/api/admin/conversations", null, null).headers());
        assertHardened("API 200", console.api("GET", "/api/admin/conversations").headers());
        try (WebClient browser = console.browser()) {
            WebResponse dashboard = console.loginAsAdmin(browser).getWebResponse();
            assertEquals(200, dashboard.getStatusCode());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            dashboard.getResponseHeaders().forEach(h -> headers.computeIfAbsent(h.getName(), k -> new ArrayList<>())
                    .add(h.getValue()));
            assertHardened("dashboard", HttpHeaders.of(headers, (a, b) -> true));
        }
    }

    @Test
    void consolePagesNeedNoInlineScriptSoThePolicyBreaksNothing() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "show me under the policy");
        console.conversationOf(customer);
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            List<HtmlPage> pages = new ArrayList<>(List.of(dashboard));
            for (String menu : List.of("Conversations", "Send log", "Setup doctor")) {
                pages.add(dashboard.getAnchorByText(menu).click());
            }
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            pages.add(list.getAnchorByText(customer).click());
            for (HtmlPage page : pages) {
                String html = page.getWebResponse().getContentAsString();
                assertEquals(200, page.getWebResponse().getStatusCode(), page.getUrl().toString());
                assertFalse(INLINE_SCRIPT.matcher(html).find(), "inline script on " + page.getUrl());
                assertFalse(HANDLER.matcher(html).find(), "inline event handler on " + page.getUrl());
                assertFalse(html.contains("javascript:"), "javascript: URL on " + page.getUrl());
            }
        }
    }

    @Test
    void anAnonymousVisitToTheLoginPageCreatesNoSession() {
        for (String path : List.of("/login.xhtml", "/login.xhtml?lang=zh", "/admin/index.xhtml", "/admin/",
                "/login.xhtml?next=%2Fadmin%2Fsendlog%2Flist.xhtml")) {
            HttpResponse<String> response = console.api("GET", path, null, null);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 302,
                    path + ": " + response.statusCode());
            assertFalse(sessionCookie(response.headers()), path + " set " + response.headers().allValues("Set-Cookie"));
        }
        HttpResponse<String> wrong = postLogin(TestGateway.ADMIN_USER, "not-the-password", "same-origin");
        assertTrue(wrong.body().contains("Wrong user name or password."), wrong.body());
        assertFalse(sessionCookie(wrong.headers()), "a failed login starts no session either");
    }

    @Test
    void aLoginFormPostedFromAnotherSiteSignsNobodyIn() {
        HttpResponse<String> forged = postLogin(TestGateway.ADMIN_USER, TestGateway.ADMIN_PASSWORD, "cross-site");
        assertEquals(200, forged.statusCode());
        assertTrue(forged.body().contains("sent from another site"), forged.body());
        assertFalse(sessionCookie(forged.headers()), "no session for the attacker's login");

        HttpResponse<String> honest = postLogin(TestGateway.ADMIN_USER, TestGateway.ADMIN_PASSWORD, "same-origin");
        assertEquals(302, honest.statusCode(), "the same post from our own page signs in: " + honest.body());
        assertTrue(sessionCookie(honest.headers()));
        String cookie = honest.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }

    private HttpResponse<String> postLogin(String user, String password, String fetchSite) {
        HttpResponse<String> page = console.api("GET", "/login.xhtml", null, null);
        Matcher state = VIEW_STATE.matcher(page.body());
        assertTrue(state.find(), page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("next", "");
        fields.put("username", user);
        fields.put("password", password);
        fields.put("submit", "Sign in");
        fields.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return console.send(HttpRequest.newBuilder(console.uri("/login.xhtml")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", fetchSite)
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static boolean sessionCookie(HttpHeaders headers) {
        return headers.allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
    }

    private static void assertHardened(String what, HttpHeaders headers) {
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        String scripts = policy.replaceAll(".*script-src ([^;]*).*", "$1");
        assertEquals("'self'", scripts.trim(), what + ": scripts from this origin only, nothing inline");
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), what);
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""), what);
        assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""), what);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), what);
    }
}
