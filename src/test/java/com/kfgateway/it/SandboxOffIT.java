package com.kfgateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a real corp configured (the shared gateway), nothing of the sandbox is reachable. */
@ExtendWith(TestGateway.Extension.class)
class SandboxOffIT {

    private static final List<String> SANDBOX_URLS = List.of(
            "/sandbox/customer.xhtml",
            "/sandbox/customer.xhtml?account=wkSandboxShopSupport01&customer=wmSandboxCustomerWang01",
            "/sandbox/wecom.xhtml",
            "/sandbox/",
            "/sandbox/no-such-page.xhtml",
            "/sandbox/sandbox.css",
            "/sandbox/chat.js",
            // Where the stylesheet and script used to be: neither a plain path nor a Faces library serves them now.
            "/resources/sandbox/sandbox.css",
            "/resources/sandbox/chat.js",
            "/jakarta.faces.resource/sandbox.css.xhtml?ln=sandbox",
            "/jakarta.faces.resource/chat.js.xhtml?ln=sandbox");

    private final TestGateway gateway = TestGateway.get();

    @Test
    void everySandboxUrlAnswers404WhenACorpIsConfigured() throws Exception {
        for (String url : SANDBOX_URLS) {
            assertEquals(404, gateway.get(url).statusCode(), "GET " + url);
        }
    }

    @Test
    void sandboxActionsAnswer404TooSoNothingReachesTheSimulator() throws Exception {
        HttpResponse<String> post = gateway.http().send(HttpRequest.newBuilder(gateway.uri("/sandbox/wecom.xhtml"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("kfRights=kfRights&kfRights%3Atoggle=Turn+on"
                        + "&jakarta.faces.ViewState=stateless"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, post.statusCode());
    }

    @Test
    void theProductItselfStillAnswersSoThe404sAreTheGatesDoing() throws Exception {
        assertEquals(400, gateway.get("/api/wecom/callback").statusCode());
        var login = gateway.get("/login.xhtml");
        assertEquals(200, login.statusCode());
        org.junit.jupiter.api.Assertions.assertFalse(login.body().contains("Sandbox mode"),
                "no sandbox hint on the login page of a real corp");
    }
}
