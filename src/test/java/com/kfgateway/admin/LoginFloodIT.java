package com.kfgateway.admin;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.wecom.control.SecretFingerprint;
import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.entity.CallbackResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing passwords is throttled before any hashing, so a flood of wrong logins neither finds a password nor
 * starves WeCom's callback of CPU. Every flood comes from its own loopback address and user names, so the
 * 127.0.0.1 and the admin account that the other tests use are never throttled.
 */
@ExtendWith(TestGateway.Extension.class)
class LoginFloodIT {

    private static final int CLIENTS = 40;
    private static final int REQUESTS_EACH = 10;
    private static final String API = "/api/admin/conversations?limit=1";

    private final TestGateway gateway = TestGateway.get();
    private final ConsoleClient console = new ConsoleClient(gateway);

    @Test
    void aFloodOfWrongBasicLoginsMeets429sWhileSignedCallbacksAreStillAcked() throws Exception {
        FromAddress attacker = FromAddress.fresh();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A running product: the first callback after boot warms everything up before the flood starts.
        String warm = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, warm, "before the flood");
        TestGateway.await("an answer before the flood", Duration.ofSeconds(60),
                () -> !gateway.wecom().delivered(ACCOUNT, warm).isEmpty());
        int callbacksBefore = gateway.wecom().callbackResults().size();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            Future<Integer> customers = pool.submit(() -> {
                int sent = 0;
                while (flooding.get() || sent < 5) {
                    gateway.wecom().customerSendsText(ACCOUNT, TestGateway.newCustomer(), "during the flood " + sent);
                    sent++;
                    Thread.sleep(250); // a steady trickle of customers, not a second flood
                }
                return sent;
            });
            List<Future<List<FromAddress.Reply>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    List<FromAddress.Reply> replies = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        replies.add(attacker.get(gateway.baseUri(), API, "flood-" + run + "-" + client + "-" + i,
                                "guess-" + i));
                    }
                    return replies;
                }));
            }
            List<FromAddress.Reply> replies = new ArrayList<>();
            for (var client : clients) {
                replies.addAll(client.get());
            }
            flooding.set(false);
            int callbacks = customers.get();

            long unauthorized = replies.stream().filter(r -> r.status() == 401).count();
            List<FromAddress.Reply> throttled = replies.stream().filter(r -> r.status() == 429).toList();
            assertEquals(CLIENTS * REQUESTS_EACH, unauthorized + throttled.size(), "only 401 or 429: " + replies);
            assertTrue(throttled.size() > CLIENTS * REQUESTS_EACH / 2, "most were refused: " + throttled.size());
            assertTrue(
                    throttled.stream().allMatch(r -> r.headers().getOrDefault("retry-after", "").matches("[1-9]\\d*")),
                    "each 429 says when to come back");
            String hashed = "from " + attacker.address() + " (basic): wrong user name or password";
            TestGateway.await("a log line for each checked password", Duration.ofSeconds(20),
                    () -> occurrences(gateway.server().log(), hashed) >= unauthorized);
            assertEquals(unauthorized, occurrences(gateway.server().log(), hashed),
                    "a 429 checked no password; each 401 did and was logged");

            List<CallbackResult> results = gateway.wecom().callbackResults();
            List<CallbackResult> during = results.subList(callbacksBefore, results.size());
            assertTrue(during.size() >= callbacks, "every customer message was called back");
            assertEquals(List.of(), during.stream().filter(r -> !r.acknowledged()).toList(),
                    "each of the " + during.size() + " callbacks was acked 200 within WeCom's timeout");
        } finally {
            flooding.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void guessingOneUsersPasswordFromManyAddressesIsStoppedAndTheFormSaysSoWithoutChecking() throws Exception {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12 && !statuses.contains(429); i++) {
            statuses.add(FromAddress.fresh().get(gateway.baseUri(), API, victim, "guess-" + i).status());
        }
        assertTrue(statuses.contains(429), "one at a time, each from a new address: " + statuses);
        assertTrue(statuses.indexOf(429) >= 5, "not before a few honest mistakes: " + statuses);

        String checked = "Console login refused for unknown user " + SecretFingerprint.of(victim) + " ";
        long before = occurrences(gateway.server().log(), checked);
        try (WebClient browser = console.browser()) {
            HtmlPage page = console.login(browser, victim, "one more guess");
            assertTrue(page.asNormalizedText().contains("Too many sign-in attempts"), page.asNormalizedText());
        }
        assertTrue(gateway.server().log().contains("Console login throttled for unknown user "
                + SecretFingerprint.of(victim)), "the throttling is logged, under a fingerprint of the name");
        assertEquals(before, occurrences(gateway.server().log(), checked), "the form checked no password");
        assertTrue(!gateway.server().log().contains(victim), "an unknown user name is never logged in clear");
    }

    @Test
    void theAdminStillSignsInWhileAnotherAddressIsThrottled() throws Exception {
        FromAddress attacker = FromAddress.fresh();
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = attacker.get(gateway.baseUri(), API, "spray-" + i, "x").status();
        }
        assertEquals(429, status, "the address ran out of attempts");
        try (WebClient browser = console.browser()) {
            HtmlPage dashboard = console.loginAsAdmin(browser);
            assertEquals("/admin/index.xhtml", dashboard.getUrl().getPath(), dashboard.asNormalizedText());
        }
    }

    private static long occurrences(String text, String fragment) {
        return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
    }
}
