package com.kfgateway.cluster;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.control.FakeChatModel.Reply;
import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.PayaraProcess;
import com.kfgateway.it.TestGateway;
import com.kfgateway.it.ThrowawayPostgres;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two nodes on one PostgreSQL, started together on an empty database, with WeCom's callbacks spread across both, and
 * a model that takes 0.8 s per answer. 30 customers write 3 quick messages each, all at once; a third of the way
 * through, the node that runs the cluster's timers is killed with kill -9. Every message must be
 * answered exactly once, in order; no question may go to the model twice except one in flight on the killed node;
 * one gettoken per credential; the survivor takes the timers over. Runs on the PostgreSQL pass only (an embedded H2
 * cannot be shared).
 */
@EnabledIfSystemProperty(named = "kfgateway.it.database", matches = "postgres")
class ClusterIT {

    private static final int CUSTOMERS = 30;
    private static final int MESSAGES = 3;
    private static final Duration MODEL_TIME = Duration.ofMillis(800);
    private static final String ANSWER = "answer to: ";
    private static final Pattern NODE_LINE = Pattern.compile("Node (\\S+): the database may be shared");

    private static FakeChatModel model;
    private static GatewayBuilder.Cluster cluster;

    @BeforeAll
    static void boot() throws Exception {
        model = new FakeChatModel();
        model.responder = request -> new Reply(200, FakeChatModel.reply(ANSWER + request.lastUserMessage()),
                MODEL_TIME.toMillis());
        cluster = GatewayBuilder.inWorkDir("it-cluster")
                .env("ASSISTANT_BASE_URL", model.baseUrl())
                // A key per node, so that the model can tell which node asked it what.
                .nodeEnv("ASSISTANT_API_KEY", ClusterIT::apiKey)
                .env("ASSISTANT_MODEL", "cluster-model")
                // Short leases, so that the survivor takes over within seconds rather than a minute.
                .env("CLUSTER_LEASE_SECONDS", "5")
                .startCluster(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void aBurstAcrossTwoNodesIsAnsweredOnceInOrderAndTheSurvivorOfAKillFinishesIt() throws Exception {
        assertEquals(1, count("SELECT COUNT(*) FROM staff_user"), "one first admin, though both nodes started on"
                + " an empty database");
        assertEquals(0, count("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(TestGateway.newCustomer());
        }
        for (String customer : customers) {
            for (int number = 1; number <= MESSAGES; number++) {
                cluster.wecom().customerSendsText(ACCOUNT, customer, question(customer, number));
            }
        }
        TestGateway.await("a third of the questions answered", Duration.ofMinutes(2),
                () -> answeredLines(customers).size() >= CUSTOMERS * MESSAGES / 3);
        int timers = nodeRunningTheTimers();
        List<String> askedBeforeTheKill = asked();
        cluster.nodes().get(timers).kill();
        // Read once the process is gone: until then (collecting its coverage takes a while) it goes on asking.
        Set<String> answeredAtTheKill = Set.copyOf(answeredLines(customers));
        Set<String> inFlightAtTheKill = askedBy(timers).stream().filter(q -> !answeredAtTheKill.contains(q))
                .collect(Collectors.toSet());
        String survivor = nodeName(1 - timers);
        TestGateway.await("every question answered", Duration.ofMinutes(3),
                () -> answeredLines(customers).size() >= CUSTOMERS * MESSAGES);

        assertEquals(askedBeforeTheKill.size(), Set.copyOf(askedBeforeTheKill).size(),
                "no question went to the model twice while both nodes ran: " + twice(askedBeforeTheKill));
        for (String customer : customers) {
            assertEquals(List.of(question(customer, 1), question(customer, 2), question(customer, 3)),
                    answeredLines(List.of(customer)), "each answered once, in order, for " + customer);
        }
        Set<String> again = twice(asked());
        assertTrue(inFlightAtTheKill.containsAll(again), "asked again only what the killed node had in flight: "
                + again + " (in flight: " + inFlightAtTheKill + ")");
        assertEquals(1, cluster.probe().gettokenCalls("kf"), "one gettoken for the KF secret, for both nodes");
        assertTrue(cluster.probe().gettokenCalls("app") <= 1, "at most one for the app secret");
        assertTrue(cluster.spreader().deliveredTo(0) > 0 && cluster.spreader().deliveredTo(1) > 0,
                "callbacks landed on both nodes");
        TestGateway.await("the survivor runs the timers", Duration.ofSeconds(30),
                () -> survivor.equals(holder("timer:pipeline-recovery"))
                        && survivor.equals(holder("timer:token-refresh")) && survivor.equals(holder("timer:doctor")));
    }

    /**
     * The questions the customers' answers answer, in the order the answers arrived: quick lines are one turn (one
     * answer to all of them), so an answer may answer several.
     */
    private static List<String> answeredLines(List<String> customers) {
        List<String> lines = new ArrayList<>();
        for (String customer : customers) {
            for (DeliveredMessage answer : delivered(customer)) {
                lines.addAll(List.of(answer.content().substring(ANSWER.length()).split("\n")));
            }
        }
        return lines;
    }

    private static String question(String customer, int number) {
        return "question " + number + " of " + customer;
    }

    private static List<DeliveredMessage> delivered(String customer) {
        return cluster.wecom().delivered(ACCOUNT, customer);
    }

    /** Every question line the model was given as the turn to answer, once per request. */
    private static List<String> asked() {
        return lines(model.received.stream());
    }

    /** The question lines node {@code index} asked the model. */
    private static List<String> askedBy(int index) {
        String authorization = "Bearer " + apiKey(index + 1);
        return lines(model.received.stream().filter(request -> authorization.equals(request.authorization())));
    }

    private static List<String> lines(Stream<FakeChatModel.Received> requests) {
        return requests.flatMap(request -> Stream.of(request.lastUserMessage().split("\n"))).toList();
    }

    private static String apiKey(int node) {
        return "sk-cluster-it-node-" + node;
    }

    private static Set<String> twice(List<String> questions) {
        Map<String, Integer> counts = new HashMap<>();
        questions.forEach(q -> counts.merge(q, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The index of the node that holds the recovery timer's lease (the one to kill). */
    private static int nodeRunningTheTimers() throws SQLException {
        String holder = holder("timer:pipeline-recovery");
        for (int i = 0; i < cluster.nodes().size(); i++) {
            if (nodeName(i).equals(holder)) {
                return i;
            }
        }
        throw new AssertionError("no node holds the recovery timer's lease: " + holder);
    }

    /** What node {@code index} calls itself in its leases, from its start-up log. */
    private static String nodeName(int index) {
        PayaraProcess node = cluster.nodes().get(index);
        Matcher line = NODE_LINE.matcher(node.log());
        assertTrue(line.find(), "node " + index + " logged its name");
        return line.group(1);
    }

    private static String holder(String lease) {
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT holder FROM cluster_lease WHERE name = '" + lease + "'")) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.databaseUrl(), ThrowawayPostgres.USER, "");
    }
}
