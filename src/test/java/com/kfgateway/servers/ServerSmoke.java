package com.kfgateway.servers;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static com.kfgateway.it.TestGateway.ADMIN_PASSWORD;
import static com.kfgateway.it.TestGateway.ADMIN_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What every server must do with the unchanged WAR, set up as README says: pass WeCom's URL check, answer a
 * customer, and let staff sign in to see that conversation. Each server's IT boots it once for all three.
 */
abstract class ServerSmoke {

    private static final Pattern BOOT_COMMAND_FAILED = Pattern.compile("Boot Command \\S+ failed");

    static GatewayBuilder.Booted gateway;

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @Test
    void passesWeComsUrlCheck() {
        assertTrue(gateway.wecom().verifyCallbackUrl(), "the signed GET with echostr answered with the plaintext");
    }

    @Test
    void answersACustomerAndShowsTheConversationToStaff() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, customer, "hello");
        TestGateway.await("the bot's answer", Duration.ofSeconds(60),
                () -> !gateway.wecom().delivered(ACCOUNT, customer).isEmpty());
        List<DeliveredMessage> answers = gateway.wecom().delivered(ACCOUNT, customer);
        assertEquals(1, answers.size(), "one answer: " + answers);
        assertTrue(answers.get(0).content().contains("How can I help you?"), answers.get(0).content());

        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.addRequestHeader("Accept-Language", "en");
            HtmlPage login = browser.getPage(gateway.server().baseUri().resolve("/admin/index.xhtml").toURL());
            HtmlForm form = login.getFormByName("login");
            form.getInputByName("username").setValue(ADMIN_USER);
            form.getInputByName("password").setValue(ADMIN_PASSWORD);
            HtmlPage dashboard = form.getInputByName("submit").click();
            assertEquals("/admin/index.xhtml", dashboard.getUrl().getPath(), dashboard.asNormalizedText());
            assertEquals(ADMIN_USER, dashboard.getElementById("current-user").getTextContent().trim());
            HtmlPage list = browser.getPage(gateway.server().baseUri()
                    .resolve("/admin/conversations/list.xhtml?q=" + customer).toURL());
            assertTrue(list.asNormalizedText().contains(customer), list.asNormalizedText());
        }
    }

    @Test
    void logsNoSevereError() {
        String log = gateway.server().log();
        assertFalse(log.contains("SEVERE") || log.contains(" ERROR "), "the server logged an error:\n" + log);
        assertFalse(BOOT_COMMAND_FAILED.matcher(log).find(), "a boot command of server-config/ failed:\n" + log);
    }
}
