package com.kfgateway.it;

import com.kfgateway.sandbox.control.SimulatorFaults;
import com.kfgateway.sandbox.control.SimulatorProbe;
import com.kfgateway.sandbox.control.WeComSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running product per test JVM: the real WAR in Payara Micro, configured against the WeCom simulator on
 * loopback (the same simulator class the sandbox uses). IT classes use
 * {@code @ExtendWith(TestGateway.Extension.class)} and {@link #get()}; each test picks its own customer ids so tests
 * never see each other's conversations.
 */
public final class TestGateway {

    public static final String CORP_ID = "wwkfgatewayit000001";
    public static final String APP_SECRET = "it-app-secret-5b0d4c1e9f7a";
    public static final String KF_SECRET = "it-kf-secret-8e2a61c0d3b9";
    public static final int AGENT_ID = 1000002;
    public static final String CALLBACK_TOKEN = "itCallbackToken42";
    public static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public static final String ACCOUNT = "wkKfGatewayItAccount01";
    public static final String SECOND_ACCOUNT = "wkKfGatewayItAccount02";
    public static final String SERVICER_ONLINE = "it_alice";
    public static final String SERVICER_OFFLINE = "it_bob";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-Passw0rd!";
    /** A customer message the test rules answer with at least {@link #LONG_ANSWER_BYTES} bytes of text. */
    public static final String LONG_QUESTION = "long answer please";
    public static final int LONG_ANSWER_BYTES = 5000;

    private static TestGateway instance;

    private final ShiftedClock clock = new ShiftedClock();
    private final GatewayBuilder.Booted booted;
    private final WeComSimulator wecom;
    private final GatewayServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestGateway() throws IOException, InterruptedException {
        booted = GatewayBuilder.inWorkDir(GatewayBuilder.sharedWorkDir()).clock(clock).operatorEndpoints()
                .start();
        wecom = booted.wecom();
        server = booted.server();
        Runtime.getRuntime().addShutdownHook(new Thread(booted::close));
    }

    public static synchronized TestGateway get() {
        if (instance == null) {
            try {
                instance = new TestGateway();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the gateway", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the gateway", e);
            }
        }
        return instance;
    }

    /** Boots the shared gateway before the first test of a class (and fails the class if it cannot). */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            get();
        }
    }

    public WeComSimulator wecom() {
        return wecom;
    }

    /** Faults, forced states and events for the simulator (test-only). */
    public SimulatorFaults faults() {
        return booted.faults();
    }

    /** Counts and records of the simulator that no sandbox page shows (test-only). */
    public SimulatorProbe probe() {
        return booted.probe();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    public GatewayServer server() {
        return server;
    }

    /** The simulator's clock: real time plus a shift, so tests can jump past WeCom's 48 h and 20 s windows. */
    public ShiftedClock clock() {
        return clock;
    }

    /** A customer id no other test uses. */
    public static String newCustomer() {
        return "wmIT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Stops the server cleanly and starts it again on the same database and port. */
    public void restart() throws IOException, InterruptedException {
        server.stop();
        server.start();
    }

    /** Kills the server without shutdown (a crash) and starts it again on the same database and port. */
    public void crashAndRestart() throws IOException, InterruptedException {
        server.kill();
        server.start();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }

    /** Polls until the condition holds; the product works asynchronously after answering WeCom. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** System time plus an adjustable shift. */
    public static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            shift.updateAndGet(current -> current.plus(by));
        }

        public void reset() {
            shift.set(Duration.ZERO);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
