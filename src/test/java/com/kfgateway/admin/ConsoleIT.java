package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import jakarta.json.JsonObject;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.time.Duration;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSubmitInput;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A staff member's day in the console, in a browser without JavaScript, against the WeCom simulator. */
@ExtendWith(TestGateway.Extension.class)
class ConsoleIT {

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void logsInAndSeesTheDashboardWithEveryPageInTheMenu() throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            assertEquals("/admin/index.xhtml", dashboard.getUrl().getPath());
            assertEquals(TestGateway.ADMIN_USER, dashboard.getElementById("current-user").getTextContent().trim());
            assertNotNull(dashboard.getElementById("stat-median"));
            for (String menu : new String[]{"Conversations", "Send log", "Setup doctor"}) {
                HtmlPage page = dashboard.getAnchorByText(menu).click();
                assertEquals(200, page.getWebResponse().getStatusCode(), menu);
                assertTrue(page.asNormalizedText().contains(menu), menu);
            }
        }
    }

    @Test
    void switchesToChineseAndBack() throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            HtmlPage chinese = dashboard.getAnchorByText("中文").click();
            assertTrue(chinese.asNormalizedText().contains("今日概览"), chinese.asNormalizedText());
            HtmlPage list = chinese.getAnchorByText("会话").click();
            assertTrue(list.asNormalizedText().contains("客服账号"), "the choice sticks for the session");
            HtmlPage english = list.getAnchorByText("EN").click();
            assertTrue(english.asNormalizedText().contains("KF account"));
        }
    }

    @Test
    void filtersTheInboxAndOpensAConversation() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "where is my parcel 4711?");
        long id = console.conversationOf(customer);
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml").toURL());
            HtmlForm filters = list.getHtmlElementById("filters");
            filters.getInputByName("q").setValue("parcel 4711");
            HtmlPage filtered = ((HtmlSubmitInput) list.getElementById("apply")).click();
            assertTrue(filtered.getUrl().getQuery().contains("q=parcel"), "filters are GET parameters");
            DomElement table = filtered.getElementById("conversations");
            assertNotNull(table, filtered.asNormalizedText());
            assertEquals(1, table.getElementsByTagName("tbody").get(0).getElementsByTagName("tr").size(),
                    "only the matching conversation");

            HtmlPage byState = browser.getPage(console.uri("/admin/conversations/list.xhtml?failed=true&q=" + customer)
                    .toURL());
            assertTrue(byState.asNormalizedText().contains("No conversation matches"),
                    "this customer has no failed sends, so the failed filter leaves nothing");

            HtmlAnchor open = table.getElementsByTagName("a").stream().map(HtmlAnchor.class::cast).findFirst()
                    .orElseThrow();
            assertTrue(open.getHrefAttribute().contains("jakarta.faces.Token"), "links carry the CSRF token");
            HtmlPage conversation = open.click();
            assertEquals(200, conversation.getWebResponse().getStatusCode());
            assertTrue(conversation.asNormalizedText().contains("where is my parcel 4711?"));
            assertTrue(conversation.asNormalizedText().contains(customer));
            assertTrue(conversation.getUrl().getQuery().contains("id=" + id));
        }
    }

    @Test
    void showsTheCustomersImageFromTheStoredBytes() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsImage(ACCOUNT, customer);
        long id = console.conversationOf(customer);
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            HtmlPage conversation = list.getAnchorByText(customer).click();
            DomElement image = conversation.getByXPath("//img[contains(@src, '/admin/media/')]").stream()
                    .map(DomElement.class::cast).findFirst().orElseThrow(() -> new AssertionError(
                            "no image in conversation " + id + ": " + conversation.asNormalizedText()));
            TestGateway.await("the image bytes stored", Duration.ofSeconds(20), () -> {
                try {
                    var bytes = browser.getPage(console.uri(image.getAttribute("src")).toURL()).getWebResponse();
                    return bytes.getStatusCode() == 200 && bytes.getContentType().equals("image/png")
                            && bytes.getContentAsStream().readNBytes(4)[1] == 'P';
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void resendsAFailedAnswerWhichThenReachesTheCustomer() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello, anyone there?");
        long id = console.conversationOf(customer);
        TestGateway.await("a failed send", Duration.ofSeconds(30), () -> !console
                .json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items").isEmpty());
        int deliveredBefore = gateway.wecom().delivered(ACCOUNT, customer).size();

        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage sendLog = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            HtmlPage conversation = sendLog.getAnchorByText(customer).click();
            assertTrue(conversation.asNormalizedText().contains("Failed"), conversation.asNormalizedText());
            HtmlSubmitInput resend = conversation.getByXPath("//input[@type='submit' and @value='Resend']").stream()
                    .map(HtmlSubmitInput.class::cast).findFirst().orElseThrow();
            HtmlPage after = resend.click();
            assertTrue(after.asNormalizedText().contains("Done: Sent."), after.asNormalizedText());
            assertTrue(after.asNormalizedText().contains(TestGateway.ADMIN_USER), "the audit shows who resent");
        }
        assertEquals(deliveredBefore + 1, gateway.wecom().delivered(ACCOUNT, customer).size(),
                "the customer received the resent part");
        JsonObject failed = console.json("/api/admin/send-log?status=FAILED&conversation=" + id);
        assertTrue(failed.getJsonArray("items").isEmpty(), "nothing is left failed");
    }

    @Test
    void aStaffReplyReachesTheCustomerThenTakingOverSilencesTheApiUntilTheSessionEnds() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello, anyone there?");
        long id = console.conversationOf(customer);
        TestGateway.await("the bot's answer", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        int deliveredBefore = gateway.wecom().delivered(ACCOUNT, customer).size();

        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            HtmlPage page = list.getAnchorByText(customer).click();
            page.<HtmlTextArea>getHtmlElementById("conv:reply").setText("This is Alice from support.");
            HtmlPage replied = page.<HtmlSubmitInput>getHtmlElementById("conv:send").click();
            assertTrue(replied.asNormalizedText().contains("Done: Sent."), replied.asNormalizedText());
            assertEquals("This is Alice from support.", last(gateway.wecom().delivered(ACCOUNT, customer)).content());
            assertEquals(deliveredBefore + 1, gateway.wecom().delivered(ACCOUNT, customer).size());

            HtmlPage empty = replied.<HtmlSubmitInput>getHtmlElementById("conv:send").click();
            assertTrue(empty.asNormalizedText().contains("Type a reply first."), empty.asNormalizedText());

            empty.<HtmlTextInput>getHtmlElementById("conv:servicer").setText(TestGateway.SERVICER_ONLINE);
            HtmlPage taken = empty.<HtmlSubmitInput>getHtmlElementById("conv:takeOver").click();
            assertTrue(taken.asNormalizedText().contains("Done: the session is now"), taken.asNormalizedText());
            assertEquals("state-HUMAN", taken.getElementById("state").getAttribute("class").split(" ")[1]);

            taken.<HtmlTextArea>getHtmlElementById("conv:reply").setText("one more from the console");
            HtmlPage refused = taken.<HtmlSubmitInput>getHtmlElementById("conv:send").click();
            assertTrue(refused.asNormalizedText().contains("Refused: WeCom allows API sends only in session state 0"
                    + " or 1"), refused.asNormalizedText());
            assertEquals(deliveredBefore + 1, gateway.wecom().delivered(ACCOUNT, customer).size(),
                    "WeCom was not asked: it would answer 95018");

            HtmlPage ended = refused.<HtmlSubmitInput>getHtmlElementById("conv:endSession").click();
            assertTrue(ended.asNormalizedText().contains("Done: the session is now"), ended.asNormalizedText());
            assertEquals("state-ENDED", ended.getElementById("state").getAttribute("class").split(" ")[1]);
        }
        List<String> moves = gateway.wecom().calls().stream().filter(c -> c.path().endsWith("kf/service_state/trans")
                && c.requestJson().contains(customer)).map(c -> c.requestJson().replaceAll(
                        ".*\"service_state\":(\\d+).*", "$1"))
                .toList();
        assertEquals(List.of("3", "4"), moves.subList(moves.size() - 2, moves.size()));
    }

    /** Class 10 of the setup doctor's list: WeCom's refusals of a move, explained on the page where staff made it. */
    @Test
    void aMoveWeComRefusesIsExplainedWhereStaffMadeIt() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
        TestGateway.await("the bot's answer", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        try (WebClient browser = console.browser()) {
            console.loginAsAdmin(browser);
            HtmlPage list = browser.getPage(console.uri("/admin/conversations/list.xhtml?q=" + customer).toURL());
            HtmlPage page = list.getAnchorByText(customer).click();

            page.<HtmlTextInput>getHtmlElementById("conv:servicer").setText("not_a_servicer");
            HtmlPage notServicer = page.<HtmlSubmitInput>getHtmlElementById("conv:takeOver").click();
            String text = notServicer.asNormalizedText();
            assertTrue(text.contains("95014") && text.contains("Add the member as a servicer"), text);
            assertEquals("state-BOT", notServicer.getElementById("state").getAttribute("class").split(" ")[1],
                    "the session stayed with the bot");

            gateway.faults().failNextFor("kf/service_state/trans", customer, 95016, 1);
            HtmlPage illegal = notServicer.<HtmlSubmitInput>getHtmlElementById("conv:queue").click();
            String moved = illegal.asNormalizedText();
            assertTrue(moved.contains("95016") && moved.contains("Read the current state with service_state/get"),
                    moved);
        }
    }

    @Test
    void theSendLogExplainsAFailureWithTheCataloguesFix() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.faults().failNextFor("kf/send_msg", customer, 95018, 1);
        gateway.wecom().customerSendsText(ACCOUNT, customer, "is the shop open?");
        long id = console.conversationOf(customer);
        TestGateway.await("a failed send", Duration.ofSeconds(30), () -> !console
                .json("/api/admin/send-log?status=FAILED&conversation=" + id).getJsonArray("items").isEmpty());
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            HtmlPage log = dashboard.getAnchorByText("Send log").click();
            HtmlPage failed = log.getAnchorByText("Failed").click();
            HtmlPage by95018 = failed.getAnchorByText("95018").click();
            String text = by95018.asNormalizedText();
            assertTrue(text.contains("service_state/get"), "the catalogue's fix is shown: " + text);
            assertFalse(text.contains("No sends match"));
        }
    }

    @Test
    void theDoctorTurnsRedWhenTheKfSecretHasNoKfRightsAndGreenAgain() throws Exception {
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            HtmlPage doctor = dashboard.getAnchorByText("Setup doctor").click();
            assertEquals("GREEN", doctor.getElementById("check-secrets").getAttribute("data-verdict"),
                    doctor.asNormalizedText());
            assertTrue(doctor.getElementById("fp-kf").getTextContent().startsWith("sha256:"));
            gateway.wecom().admin().kfSecretWithoutKfRights(true);
            try {
                HtmlPage red = ((HtmlSubmitInput) doctor.getElementById("run:now")).click();
                assertEquals("RED", red.getElementById("check-secrets").getAttribute("data-verdict"),
                        red.asNormalizedText());
                assertTrue(red.asNormalizedText().contains("可调用接口的应用"), "the fix names the admin console setting");
            } finally {
                gateway.wecom().admin().kfSecretWithoutKfRights(false);
            }
            HtmlPage again = browser.getPage(doctor.getUrl());
            HtmlPage green = ((HtmlSubmitInput) again.getElementById("run:now")).click();
            assertEquals("GREEN", green.getElementById("check-secrets").getAttribute("data-verdict"));
        }
    }

    private static DeliveredMessage last(List<DeliveredMessage> messages) {
        return messages.get(messages.size() - 1);
    }
}
