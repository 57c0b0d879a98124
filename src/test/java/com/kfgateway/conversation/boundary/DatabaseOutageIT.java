package com.kfgateway.conversation.boundary;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.ItDatabase;
import com.kfgateway.it.PayaraProcess;
import com.kfgateway.it.TestGateway;
import com.kfgateway.it.ThrowawayPostgres;
import com.kfgateway.sandbox.entity.CallbackResult;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database stops for a minute while customers write. On H2 the product talks to it over TCP here, served by this
 * JVM; on PostgreSQL the test has a cluster of its own; either way the test can take the database away and bring it
 * back on the same port and files. WeCom's callbacks must still
 * be acked at once (it retries a callback unanswered within 5 s, then gives up), and everything written during the
 * outage must be answered once the database is back, without any new callback.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static Outage database;
    private static GatewayBuilder.Booted gateway;

    @BeforeAll
    static void boot() throws Exception {
        database = ItDatabase.postgres() ? new PostgresOutage() : new H2Outage();
        GatewayBuilder builder = GatewayBuilder.inWorkDir("it-db-outage").env("CONVERSATION_SAFETY_PULL_MINUTES", "1");
        database.settings().forEach(builder::env);
        gateway = builder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void callbacksAreAckedDuringAnOutageAndEverythingIsAnsweredAfterItWithoutANewCallback() throws Exception {
        String before = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(ACCOUNT, before, "hello");
        TestGateway.await("an answer before the outage", Duration.ofSeconds(30), () -> delivered(before) == 1);

        database.stop();
        int callbacksBefore = gateway.wecom().callbackResults().size();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = TestGateway.newCustomer();
            during.add(customer);
            gateway.wecom().customerSendsText(ACCOUNT, customer, "营业时间");
        }
        TestGateway.await("the callbacks of the outage", Duration.ofSeconds(30),
                () -> gateway.wecom().callbackResults().size() >= callbacksBefore + during.size());
        List<CallbackResult> acks = gateway.wecom().callbackResults().subList(callbacksBefore,
                gateway.wecom().callbackResults().size());
        acks.forEach(ack -> assertEquals(200, ack.httpStatus(), "acked without the database: " + ack));
        Thread.sleep(OUTAGE.toMillis());
        assertTrue(during.stream().allMatch(c -> delivered(c) == 0), "nothing could be answered without the DB");

        int callbacksAtReturn = gateway.wecom().callbackResults().size();
        database.start();
        for (String customer : during) {
            TestGateway.await("the answer for " + customer + " after the outage", Duration.ofSeconds(180),
                    () -> delivered(customer) >= 1);
        }
        Thread.sleep(3000);
        during.forEach(c -> assertEquals(1, delivered(c), "one answer for " + c));
        assertEquals(callbacksAtReturn, gateway.wecom().callbackResults().size(), "no new callback was needed");
        assertTrue(gateway.wecom().delivered(ACCOUNT, during.get(0)).get(0).content().contains("9:00"));
    }

    /** The database the product uses, which the test can stop and start again. */
    private interface Outage extends AutoCloseable {
        Map<String, String> settings();

        void stop() throws Exception;

        void start() throws Exception;
    }

    private static final class H2Outage implements Outage {
        private final Path files = GatewayBuilder.sharedWorkDir().resolveSibling("it-db-outage-h2").toAbsolutePath();
        private final int port;
        private Server server;

        H2Outage() throws Exception {
            PayaraProcess.deleteRecursively(files);
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            start();
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("DB_URL", "jdbc:h2:tcp://127.0.0.1:" + port + "/kf-gateway");
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void start() throws Exception {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", files.toString(),
                    "-ifNotExists").start();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static final class PostgresOutage implements Outage {
        private final ThrowawayPostgres cluster = ItDatabase.ownCluster("it-db-outage-postgres");

        PostgresOutage() throws Exception {
        }

        @Override
        public Map<String, String> settings() {
            return cluster.productEnv();
        }

        @Override
        public void stop() throws Exception {
            cluster.pause();
        }

        @Override
        public void start() throws Exception {
            cluster.resume();
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    private static int delivered(String customer) {
        return gateway.wecom().delivered(ACCOUNT, customer).size();
    }
}
