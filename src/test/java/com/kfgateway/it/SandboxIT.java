package com.kfgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import com.kfgateway.sandbox.control.SandboxSeed;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: with no WECOM_CORP_ID the product starts in sandbox mode and a person can chat with the bot
 * in a browser (JavaScript off here: plain forms and the refresh link), find the conversation in the console (under
 * the sandbox banner), break the setup on the WeCom side, see the send fail with WeCom's errcode explained and the
 * doctor turn red, repair it, resend from the console and see the answer arrive. A second Payara, its own database,
 * no simulator of the test's own: everything the product talks to runs inside it.
 */
class SandboxIT {

    private static final String ADMIN_PASSWORD = "sandbox-it-Passw0rd!";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(40);

    private static PayaraProcess server;
    private final WebClient browser = browser();

    @BeforeAll
    static void bootInSandboxMode() throws IOException, InterruptedException {
        Path workDir = GatewayBuilder.sharedWorkDir().resolveSibling("it-sandbox");
        // The README's start: the built-in H2 file (./data under the work directory), and a blank corp id is unset.
        PayaraProcess.deleteRecursively(workDir.resolve("data"));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "WECOM_CORP_ID", "",
                "ADMIN_USERNAME", "admin",
                "ADMIN_PASSWORD", ADMIN_PASSWORD));
        if (ItDatabase.postgres()) {
            // The sandbox never starts on another database unless asked to; the PostgreSQL pass asks.
            env.putAll(ItDatabase.fresh(workDir));
            env.put("SANDBOX_ENABLED", "true");
            ItDatabase.prepareServer();
        }
        server = new PayaraProcess(workDir, env);
        server.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aCustomerChatsAndTheConsoleExplainsA95018FromAKfSecretWithoutKfRightsThenResendDelivers() throws Exception {
        HtmlPage phone = newCustomer("IT Shopper");
        phone = click(phone, "enter:open");
        phone = awaitReply(phone, 1, "welcome");
        phone = say(phone, "How long does shipping take?");
        phone = awaitReply(phone, 2, "48 hours");

        HtmlPage console = logIntoConsole();
        assertSandboxBanner(console);
        HtmlPage conversation = openConversation(console, "IT Shopper");
        assertTrue(conversation.asNormalizedText().contains("How long does shipping take?"),
                conversation.asNormalizedText());
        URL conversationUrl = conversation.getUrl();

        HtmlPage panel = click(browser.getPage(url("/sandbox/wecom.xhtml")), "kfRights:toggle");
        assertTrue(panel.getHtmlElementById("kfRights:toggle").getAttribute("value").contains("Turn off"));
        phone = say(browser.getPage(phone.getUrl()), "hello again");
        awaitCallLog(panel, "kf/send_msg", "95018");
        phone = browser.getPage(phone.getUrl());
        assertEquals(2, accountLines(phone).size(), "no reply may arrive while the app lacks KF rights");

        conversation = awaitFailedSend(conversationUrl);
        String failure = conversation.getHtmlElementById("chat").asNormalizedText();
        assertTrue(failure.contains("errcode 95018") && failure.contains("可调用接口的应用"),
                "the conversation explains the failure: " + failure);
        HtmlPage sendLogPage = conversation.getAnchorByText("Send log").click();
        sendLogPage = sendLogPage.getAnchorByText("Failed").click();
        String sendLog = sendLogPage.getAnchorByText("95018").<HtmlPage>click().asNormalizedText();
        assertTrue(sendLog.contains("95018") && sendLog.contains("service_state/get"),
                "the send log explains the failure and its fix: " + sendLog);
        HtmlPage doctor = runChecks(conversation);
        assertEquals("RED", verdict(doctor, "check-secrets"), doctor.asNormalizedText());
        assertEquals("No KF account granted to the app",
                doctor.getHtmlElementById("secret-verdict").asNormalizedText());
        assertTrue(doctor.querySelectorAll("[id^='check-account.'][data-verdict='RED']").size() > 0,
                "a KF account without manage_privilege is red: " + doctor.asNormalizedText());
        assertSandboxBanner(doctor);
        JsonObject diagnosis = latestDiagnosis();
        assertTrue(diagnosis.getBoolean("identicalSecrets"), "one app holds both secrets: " + diagnosis);
        assertEquals(diagnosis.getJsonObject("fingerprints").getString("app"),
                diagnosis.getJsonObject("fingerprints").getString("kf"), "the same secret, seen by its fingerprint");
        assertEquals("NO_MANAGEABLE_ACCOUNT", diagnosis.getString("secretVerdict"));
        JsonObject secrets = diagnosis.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("id").equals("secrets")).findFirst().orElseThrow();
        assertEquals("RED", secrets.getString("verdict"), secrets.toString());
        assertTrue(secrets.getString("finding").contains("manage_privilege is false everywhere"), secrets.toString());
        assertTrue(secrets.getString("fix").contains("可调用接口的应用"), "the fix names the setting: " + secrets);

        panel = click(browser.getPage(url("/sandbox/wecom.xhtml")), "kfRights:toggle");
        assertTrue(panel.getHtmlElementById("kfRights:toggle").getAttribute("value").contains("Turn on"));
        HtmlSubmitInput resend = resendButton(browser.getPage(conversationUrl));
        String failedPart = resend.<HtmlElement>getFirstByXPath("ancestor::div[@class='bubble']").asNormalizedText();
        assertTrue(failedPart.contains("How can I help you?"), "the failed part answers the greeting: " + failedPart);
        HtmlPage resent = resend.click();
        assertTrue(resent.asNormalizedText().contains("Done: Sent."), resent.asNormalizedText());
        assertTrue(resent.getHtmlElementById("chat").asNormalizedText().contains("recovered after errcode 95018"),
                "the part is sent now, and the 95018 it recovered from is history: " + resent.asNormalizedText());
        assertTrue(resent.querySelectorAll("input[type='submit'][value='Resend']").isEmpty(),
                "nothing is left to resend: " + resent.asNormalizedText());
        awaitReply(browser.getPage(phone.getUrl()), 3, "How can I help you?");

        doctor = runChecks(resent);
        assertEquals("GREEN", verdict(doctor, "check-secrets"), doctor.asNormalizedText());
        assertTrue(doctor.querySelectorAll("[id^='check-account.'][data-verdict='RED']").isEmpty(),
                doctor.asNormalizedText());
    }

    /**
     * What a tester does with the WeCom page: take an account from the app's API-managed accounts and watch, without
     * pressing anything in the console, the doctor's row turn red and the alert reach a member of the corp; grant it
     * back and watch both recover.
     */
    @Test
    void anAccountTakenFromTheAppOnTheWeComPageTurnsTheDoctorRedAndStaffAreToldThere() throws Exception {
        String account = SandboxSeed.SHOP_ACCOUNT;
        HtmlPage doctor = logIntoConsole().getAnchorByText("Setup doctor").click();
        HtmlPage panel = grantButton(browser.getPage(url("/sandbox/wecom.xhtml")), account).click();
        try {
            assertTrue(grantButton(panel, account).getValueAttribute().startsWith("Grant"),
                    panel.asNormalizedText());
            String alert = awaitStaffNotification("A setup check turned red", account);
            assertTrue(alert.contains("alice") && alert.contains("API-managed accounts"), "to whom, and the fix: "
                    + alert);
            doctor = browser.getPage(doctor.getUrl());
            assertEquals("RED", verdict(doctor, "check-account." + account), doctor.asNormalizedText());
        } finally {
            panel = grantButton(browser.getPage(url("/sandbox/wecom.xhtml")), account).click();
        }
        assertTrue(grantButton(panel, account).getValueAttribute().startsWith("Take"), panel.asNormalizedText());
        awaitStaffNotification("A setup check is fine again", account);
        doctor = browser.getPage(doctor.getUrl());
        assertEquals("GREEN", verdict(doctor, "check-account." + account), doctor.asNormalizedText());
    }

    /**
     * The sandbox shop answers from its FAQ what no rule knows, and anyone can see which entry answered and how
     * sure it was: on the search API and in the conversation's record.
     */
    @Test
    void theShopsFaqAnswersWhatNoRuleKnowsAndTellsWhichEntryDid() throws Exception {
        HtmlPage phone = awaitReply(click(newCustomer("FAQ Asker"), "enter:open"), 1, "welcome");
        phone = say(phone, "你们几点下班？");
        awaitReply(phone, 2, "10:00–20:00");

        JsonObject search = json(api("GET", "/api/admin/knowledge/search?account=" + SandboxSeed.SHOP_ACCOUNT
                + "&q=" + encoded("你们几点下班？"), null));
        assertEquals("F01", search.getString("answeredBy"), search.toString());
        assertEquals("F01", search.getJsonArray("hits").getJsonObject(0).getString("sourceId"));
        JsonObject unknown = json(api("GET", "/api/admin/knowledge/search?account=" + SandboxSeed.SHOP_ACCOUNT
                + "&q=" + encoded("明天天气怎么样"), null));
        assertTrue(unknown.isNull("answeredBy"), "no entry answers what the FAQ does not know: " + unknown);

        String inbox = "/api/admin/conversations?q=" + encoded("几点下班");
        TestGateway.await("the conversation in the inbox's text search", REPLY_TIMEOUT,
                () -> !json(uncheckedApi(inbox)).getJsonArray("items").isEmpty());
        long id = json(uncheckedApi(inbox)).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        String history = api("GET", "/api/admin/conversations/" + id + "/messages", null).body();
        assertTrue(history.contains("knowledge: entry F01"), "the answered message says which entry: " + history);
    }

    @Test
    void staffPutAnFaqFileThatAnswersAtOnceAndAFileWithoutEntriesIsRefused() throws Exception {
        String account = SandboxSeed.SALES_ACCOUNT;
        HttpResponse<String> put = api("PUT", "/api/admin/knowledge/documents?account=" + account
                + "&name=members-day.md",
                "# Members\n\n## M01 会员日 · Members' day\n问：会员日是哪天？\n"
                        + "Q: When is members' day?\n答：每月 8 日是会员日，全场九折。\nA: The 8th of every month: 10 % off.\n");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(1, json(put).getInt("entries"));
        JsonObject search = json(api("GET", "/api/admin/knowledge/search?account=" + account + "&q="
                + encoded("会员日是几号"), null));
        assertEquals("M01", search.getJsonArray("hits").getJsonObject(0).getString("sourceId"), search.toString());

        HttpResponse<String> empty = api("PUT", "/api/admin/knowledge/documents?account=" + account
                + "&name=notes.md", "just some notes, no entries");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(json(empty).getString("error").contains("no FAQ entry"), empty.body());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url("/api/admin/knowledge/documents?account=" + account + "&name=x.md").toString()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("## X01 x\n答：x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a plain form from another site cannot put a document");
    }

    @Test
    void theSimulatorRunsAndThePagesLoadTheirStylesheetAndScriptFromBehindTheGate() throws Exception {
        assertTrue(server.log().contains("Sandbox mode: the built-in WeCom simulator for corp wwsandbox0kfgateway"),
                tail(server.log()));
        HtmlPage phone = browser.getPage(url("/sandbox/customer.xhtml"));
        assertNotNull(phone.querySelector("link[rel='stylesheet'][href='/sandbox/sandbox.css']"), phone.asXml());
        assertNotNull(phone.querySelector("script[src='/sandbox/chat.js']"), phone.asXml());
        assertEquals("text/css", browser.getPage(url("/sandbox/sandbox.css")).getWebResponse().getContentType());
        assertTrue(browser.getPage(url("/sandbox/chat.js")).getWebResponse().getContentAsString()
                .contains("getElementById('chat')"));
    }

    @Test
    void theDoctorSaysTheSandboxPlaysWeCom() throws Exception {
        HtmlPage doctor = runChecks(logIntoConsole());
        assertEquals("GREEN", verdict(doctor, "check-setup"), doctor.asNormalizedText());
        assertTrue(doctor.getHtmlElementById("check-setup").asNormalizedText().contains("sandbox mode"),
                doctor.getHtmlElementById("check-setup").asNormalizedText());
    }

    @Test
    void theWeComPanelShowsTheCorpTheCallbackUrlItLearnedAndTheCalls() throws Exception {
        browser.getPage(url("/sandbox/customer.xhtml"));
        HtmlPage panel = browser.getPage(url("/sandbox/wecom.xhtml"));
        String text = panel.asNormalizedText();
        assertTrue(text.contains("wwsandbox0kfgateway"), text);
        assertTrue(text.contains("http://127.0.0.1:" + server.port() + "/api/wecom/callback"), text);
        assertTrue(text.contains("gettoken"), "the product fetched a token from the sandbox's WeCom: " + text);
        panel = click(panel, "verify:check");
        assertTrue(panel.asNormalizedText().contains("URL check passed"), panel.asNormalizedText());
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    private HtmlPage newCustomer(String nickname) throws IOException {
        HtmlPage page = browser.getPage(url("/sandbox/customer.xhtml"));
        page.<HtmlTextInput>getHtmlElementById("newCustomer:nickname").type(nickname);
        page = click(page, "newCustomer:create");
        assertTrue(page.getHtmlElementById("session-state").asNormalizedText().startsWith(nickname),
                page.asNormalizedText());
        return page;
    }

    private HtmlPage say(HtmlPage page, String text) throws IOException {
        page.<HtmlTextInput>getHtmlElementById("say:text").type(text);
        HtmlPage after = click(page, "say:send");
        assertTrue(after.getHtmlElementById("chat").asNormalizedText().contains(text), after.asNormalizedText());
        return after;
    }

    /** Presses Refresh until the chat holds {@code count} lines from the KF account, the last containing {@code text}. */
    private HtmlPage awaitReply(HtmlPage page, int count, String text) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (true) {
            List<HtmlElement> replies = accountLines(page);
            if (replies.size() >= count) {
                String last = replies.get(count - 1).asNormalizedText();
                assertTrue(last.toLowerCase().contains(text.toLowerCase()), "reply " + count + " was: " + last);
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no reply " + count + " within " + REPLY_TIMEOUT + "; chat:\n"
                        + page.getHtmlElementById("chat").asNormalizedText() + "\nlog tail:\n" + tail(server.log()));
            }
            Thread.sleep(500);
            page = click(page, "refresh");
        }
    }

    private HtmlPage awaitCallLog(HtmlPage panel, String call, String errcode) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (panel.querySelectorAll("#calls tr.bad").stream()
                .map(row -> row.asNormalizedText())
                .noneMatch(row -> row.contains(call) && row.contains(errcode))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no failed " + call + " with " + errcode + " in the call log:\n"
                        + panel.getHtmlElementById("calls").asNormalizedText());
            }
            Thread.sleep(500);
            panel = browser.getPage(url("/sandbox/wecom.xhtml"));
        }
        return panel;
    }

    private HtmlPage logIntoConsole() throws IOException {
        HtmlPage login = browser.getPage(url("/admin/"));
        HtmlForm form = login.getFormByName("login");
        form.getInputByName("username").setValue("admin");
        form.getInputByName("password").setValue(ADMIN_PASSWORD);
        HtmlPage dashboard = form.getInputByName("submit").click();
        assertEquals("admin", dashboard.getHtmlElementById("current-user").asNormalizedText(),
                dashboard.asNormalizedText());
        return dashboard;
    }

    /** The banner says where the product's WeCom is and leads back to the sandbox's two pages. */
    private static void assertSandboxBanner(HtmlPage page) {
        DomNode banner = page.querySelector(".sandbox-banner");
        assertNotNull(banner, "no sandbox banner on " + page.getUrl());
        assertTrue(banner.asNormalizedText().contains("Sandbox mode"), banner.asNormalizedText());
        assertNotNull(page.querySelector(".sandbox-banner a[href$='/sandbox/customer.xhtml']"), banner.asXml());
        assertNotNull(page.querySelector(".sandbox-banner a[href$='/sandbox/wecom.xhtml']"), banner.asXml());
    }

    private static HtmlPage openConversation(HtmlPage console, String customer) throws Exception {
        HtmlPage list = console.getAnchorByText("Conversations").click();
        assertSandboxBanner(list);
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (list.getAnchors().stream().noneMatch(a -> a.asNormalizedText().equals(customer))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(customer + " is not in the conversations list:\n" + list.asNormalizedText());
            }
            Thread.sleep(500);
            list = (HtmlPage) list.refresh();
        }
        return list.getAnchorByText(customer).click();
    }

    private HtmlPage awaitFailedSend(URL conversation) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        HtmlPage page = browser.getPage(conversation);
        while (page.querySelectorAll("input[type='submit'][value='Resend']").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no failed send to resend in the conversation:\n" + page.asNormalizedText());
            }
            Thread.sleep(500);
            page = browser.getPage(conversation);
        }
        return page;
    }

    private static HtmlSubmitInput resendButton(HtmlPage conversation) {
        List<DomNode> buttons = conversation.querySelectorAll("input[type='submit'][value='Resend']");
        assertEquals(1, buttons.size(), "one failed part to resend: " + conversation.asNormalizedText());
        return (HtmlSubmitInput) buttons.get(0);
    }

    /** The button that grants the account to the app, or takes it away, on the WeCom page's accounts table. */
    private static HtmlSubmitInput grantButton(HtmlPage panel, String account) {
        HtmlSubmitInput button = panel.getFirstByXPath("//form[input[@name='account' and @value='" + account
                + "']]//input[@type='submit' and contains(@value, 'the app')]");
        assertNotNull(button, "no grant button for " + account + ": " + panel.asNormalizedText());
        return button;
    }

    /** The row of the WeCom page's staff notifications that says {@code text} about {@code account}. */
    private String awaitStaffNotification(String text, String account) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (true) {
            HtmlPage panel = browser.getPage(url("/sandbox/wecom.xhtml"));
            for (DomNode row : panel.querySelectorAll("#staff-notifications tbody tr")) {
                String shown = row.asNormalizedText();
                if (shown.contains(text) && shown.contains(account)) {
                    return shown;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no staff notification '" + text + "' about " + account + ":\n"
                        + panel.asNormalizedText());
            }
            Thread.sleep(500);
        }
    }

    /** The diagnostics API's answer (the latest checks, in English), as a script with the admin's password reads it. */
    private static JsonObject latestDiagnosis() throws IOException, InterruptedException {
        HttpResponse<String> response = api("GET", "/api/admin/diagnostics?lang=en", null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** The admin API as a script calls it: Basic with the admin's password, a body as Markdown when there is one. */
    private static HttpResponse<String> api(String method, String pathAndQuery, String markdown)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery).toString()))
                .header("Authorization", "Basic " + basic).header("X-Requested-By", "sandbox-it")
                .timeout(Duration.ofSeconds(30));
        request.method(method, markdown == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(markdown, StandardCharsets.UTF_8));
        if (markdown != null) {
            request.header("Content-Type", "text/markdown; charset=utf-8");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> uncheckedApi(String pathAndQuery) {
        try {
            return api("GET", pathAndQuery, null);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(pathAndQuery, e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The doctor shows its last diagnosis; "Run checks now" asks WeCom again. */
    private static HtmlPage runChecks(HtmlPage consolePage) throws IOException {
        HtmlPage doctor = consolePage.getAnchorByText("Setup doctor").click();
        return click(doctor, "run:now");
    }

    private static String verdict(HtmlPage doctor, String id) {
        return doctor.getHtmlElementById(id).getAttribute("data-verdict");
    }

    private static List<HtmlElement> accountLines(HtmlPage page) {
        return page.querySelectorAll("#chat .line-account").stream().map(HtmlElement.class::cast).toList();
    }

    private static HtmlPage click(HtmlPage page, String id) throws IOException {
        HtmlElement element = page.getHtmlElementById(id);
        return element instanceof HtmlSubmitInput submit ? submit.click() : element.click();
    }

    private static URL url(String path) throws IOException {
        return URI.create(server.baseUri() + path).toURL();
    }

    private static WebClient browser() {
        WebClient client = new WebClient();
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setTimeout(30_000);
        return client;
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

}
