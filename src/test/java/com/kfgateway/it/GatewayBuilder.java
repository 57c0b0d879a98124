package com.kfgateway.it;

import static com.kfgateway.it.TestGateway.ACCOUNT;
import static com.kfgateway.it.TestGateway.ADMIN_PASSWORD;
import static com.kfgateway.it.TestGateway.ADMIN_USER;
import static com.kfgateway.it.TestGateway.AES_KEY;
import static com.kfgateway.it.TestGateway.AGENT_ID;
import static com.kfgateway.it.TestGateway.APP_SECRET;
import static com.kfgateway.it.TestGateway.CALLBACK_TOKEN;
import static com.kfgateway.it.TestGateway.CORP_ID;
import static com.kfgateway.it.TestGateway.KF_SECRET;
import static com.kfgateway.it.TestGateway.LONG_ANSWER_BYTES;
import static com.kfgateway.it.TestGateway.LONG_QUESTION;
import static com.kfgateway.it.TestGateway.SECOND_ACCOUNT;
import static com.kfgateway.it.TestGateway.SERVICER_OFFLINE;
import static com.kfgateway.it.TestGateway.SERVICER_ONLINE;

import com.kfgateway.sandbox.control.CorpAdmin;
import com.kfgateway.sandbox.control.SimulatorFaults;
import com.kfgateway.sandbox.control.SimulatorHttpServer;
import com.kfgateway.sandbox.control.SimulatorProbe;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts an IT gateway together: a WeCom simulator seeded with the IT corp (two accounts, a receiving and an absent
 * servicer), its HTTP server on loopback, the test rules, and the real WAR in Payara Micro on a fresh database in
 * its own work directory, configured against the simulator. {@link TestGateway} builds the shared one; an IT that
 * needs other settings (another assistant, say) builds its own with {@link #env}.
 */
public final class GatewayBuilder {

    private final Path workDir;
    private final Map<String, String> extraEnv = new HashMap<>();
    private final Map<String, IntFunction<String>> nodeEnv = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private final Map<Path, String> extraWars = new java.util.LinkedHashMap<>();
    private ServerFactory serverFactory = PayaraProcess::new;
    private boolean operatorEndpoints;
    private boolean jsonLogs;

    private GatewayBuilder(Path workDir) {
        this.workDir = workDir;
    }

    /** {@code name} is a sibling of the shared gateway's work directory (target/it-h2-1/gateway in mvn verify), e.g. "it-model". */
    public static GatewayBuilder inWorkDir(String name) {
        return new GatewayBuilder(sharedWorkDir().resolveSibling(name));
    }

    /** Any work directory, e.g. a benchmark's under target/bench. */
    public static GatewayBuilder inWorkDir(Path workDir) {
        return new GatewayBuilder(workDir);
    }

    /** Where the shared gateway of this test JVM lives; the other work directories are its siblings. */
    public static Path sharedWorkDir() {
        return Path.of(System.getProperty("kfgateway.it.work-dir", "target/it/gateway"));
    }

    /** The simulator's clock (the product keeps its own). */
    public GatewayBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** An environment variable for the product, added to (or replacing one of) the IT defaults. */
    public GatewayBuilder env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /**
     * An environment variable that differs per node of a {@link #startCluster cluster}: {@code value} gets the node's
     * number, from 1 (an API key per node, say, so that a fake can tell which node called it).
     */
    public GatewayBuilder nodeEnv(String name, IntFunction<String> value) {
        nodeEnv.put(name, value);
        return this;
    }

    /** How the gateway's server is made from its work directory and environment. */
    @FunctionalInterface
    public interface ServerFactory {
        GatewayServer create(Path workDir, Map<String, String> env) throws IOException;
    }

    /** Boots the product in another server (Payara Micro 7, WildFly) instead of Payara Micro 6. */
    public GatewayBuilder on(ServerFactory server) {
        this.serverFactory = server;
        return this;
    }

    /** Another WAR deployed beside the product at its own context root (the ack benchmark's bare endpoint). */
    public GatewayBuilder alsoDeploy(Path war, String contextRoot) {
        extraWars.put(war, contextRoot);
        return this;
    }

    /** Opens /metrics and /openapi (Payara only), as README tells operators to; closed otherwise, as by default. */
    public GatewayBuilder operatorEndpoints() {
        this.operatorEndpoints = true;
        return this;
    }

    /** Logs one JSON object per line (Payara only), with the file README names for it. */
    public GatewayBuilder jsonLogs() {
        this.jsonLogs = true;
        return this;
    }

    /** Starts the simulator and boots the product; the caller closes what it got. */
    public Booted start() throws IOException, InterruptedException {
        WeComSimulator wecom = seededSimulator();
        SimulatorHttpServer wecomServer = SimulatorHttpServer.start(wecom, 0);
        try {
            Map<String, String> env = environment(writeRules(), wecomServer);
            if (!extraEnv.containsKey("DB_URL")) {
                // A fresh simulator knows nothing of a previous run's sync cursor: start from an empty database too.
                env.putAll(ItDatabase.fresh(workDir));
            }
            env.putAll(extraEnv);
            ItDatabase.prepareServer();
            GatewayServer server = serverFactory.create(workDir, env);
            if (!extraWars.isEmpty()) {
                PayaraProcess payara = (PayaraProcess) server;
                extraWars.forEach(payara::alsoDeploy);
            }
            if (operatorEndpoints && server instanceof PayaraProcess payara) {
                payara.openOperatorEndpoints();
            }
            if (jsonLogs && server instanceof PayaraProcess payara) {
                payara.logJson();
            }
            wecom.setCallbackUrl(server.baseUri().resolve("/api/wecom/callback"));
            Booted booted = new Booted(wecom, new SimulatorFaults(wecom), new SimulatorProbe(wecom), wecomServer,
                    server);
            server.start();
            return booted;
        } catch (IOException | InterruptedException | RuntimeException e) {
            wecomServer.close();
            throw e;
        }
    }

    /**
     * Starts the simulator and {@code size} gateways on one shared database (PostgreSQL), all booting at once as after
     * a deployment, in work directories node-1, node-2, …; WeCom's callbacks reach them through a
     * {@link CallbackSpreader}. The caller closes what it got.
     */
    public Cluster startCluster(int size) throws IOException, InterruptedException {
        if (!ItDatabase.postgres()) {
            throw new IllegalStateException("a cluster needs a shared database: -Dkfgateway.it.database=postgres");
        }
        WeComSimulator wecom = seededSimulator();
        SimulatorHttpServer wecomServer = SimulatorHttpServer.start(wecom, 0);
        List<PayaraProcess> nodes = new ArrayList<>();
        CallbackSpreader spreader = null;
        try {
            Map<String, String> env = environment(writeRules(), wecomServer);
            env.putAll(ItDatabase.fresh(workDir));
            env.putAll(extraEnv);
            ItDatabase.prepareServer();
            for (int i = 1; i <= size; i++) {
                Map<String, String> own = new HashMap<>(env);
                int number = i;
                nodeEnv.forEach((name, value) -> own.put(name, value.apply(number)));
                nodes.add(new PayaraProcess(workDir.resolve("node-" + i), own));
            }
            spreader = CallbackSpreader.start(nodes.stream().map(PayaraProcess::baseUri).toList());
            wecom.setCallbackUrl(spreader.uri());
            Cluster cluster = new Cluster(wecom, new SimulatorFaults(wecom), new SimulatorProbe(wecom), wecomServer,
                    spreader, List.copyOf(nodes), env.get("DB_URL"));
            bootTogether(nodes);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (PayaraProcess node : nodes) {
                node.stop();
            }
            if (spreader != null) {
                spreader.close();
            }
            wecomServer.close();
            throw e;
        }
    }

    private static void bootTogether(List<PayaraProcess> nodes) throws IOException, InterruptedException {
        ExecutorService boots = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Object>> booted = new ArrayList<>();
            for (PayaraProcess node : nodes) {
                booted.add(boots.submit(() -> {
                    node.start();
                    return null;
                }));
            }
            for (Future<Object> boot : booted) {
                try {
                    boot.get();
                } catch (ExecutionException e) {
                    throw new IOException("a node did not boot", e.getCause());
                }
            }
        } finally {
            boots.shutdownNow();
        }
    }

    /** Running gateways on one database, with the simulator and the spreader in front of them. */
    public record Cluster(WeComSimulator wecom, SimulatorFaults faults, SimulatorProbe probe,
            SimulatorHttpServer wecomServer, CallbackSpreader spreader, List<PayaraProcess> nodes, String databaseUrl)
            implements
                AutoCloseable {

        @Override
        public void close() {
            try {
                for (PayaraProcess node : nodes) {
                    node.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                spreader.close();
                wecomServer.close();
            }
        }
    }

    /** A running gateway: the simulator (with the tests' harness on it), its HTTP server and the product. */
    public record Booted(WeComSimulator wecom, SimulatorFaults faults, SimulatorProbe probe,
            SimulatorHttpServer wecomServer, GatewayServer server)
            implements
                AutoCloseable {

        @Override
        public void close() {
            try {
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                wecomServer.close();
            }
        }
    }

    private WeComSimulator seededSimulator() {
        WeComSimulator wecom = new WeComSimulator(new SimulatedCorp(CORP_ID, APP_SECRET, AGENT_ID, KF_SECRET,
                CALLBACK_TOKEN, AES_KEY), clock);
        CorpAdmin admin = wecom.admin();
        admin.addAccount(ACCOUNT, "KF Gateway IT", true);
        admin.addAccount(SECOND_ACCOUNT, "KF Gateway IT 2", true);
        admin.addServicer(ACCOUNT, SERVICER_ONLINE, true);
        admin.addServicer(ACCOUNT, SERVICER_OFFLINE, false);
        admin.addServicer(SECOND_ACCOUNT, SERVICER_OFFLINE, false);
        admin.addMember(SERVICER_ONLINE);
        admin.addMember(SERVICER_OFFLINE);
        return wecom;
    }

    /** The built-in rules plus one rule whose answer is {@link TestGateway#LONG_ANSWER_BYTES}+ bytes, to test splitting. */
    private Path writeRules() throws IOException {
        String defaults;
        try (var in = GatewayBuilder.class.getResourceAsStream("/assistant/default-rules.txt")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder longAnswer = new StringBuilder();
        for (int paragraph = 1; longAnswer.toString()
                .getBytes(StandardCharsets.UTF_8).length < LONG_ANSWER_BYTES; paragraph++) {
            longAnswer.append(paragraph == 1 ? "" : "\\n\\n").append("第").append(paragraph).append("段。")
                    .append("这是一段用于测试的长回答，内容按字节切分。".repeat(8));
        }
        Files.createDirectories(workDir);
        return Files.writeString(workDir.resolve("it-rules.txt"),
                "keyword " + LONG_QUESTION + " => " + longAnswer + "\n" + defaults, StandardCharsets.UTF_8);
    }

    private Map<String, String> environment(Path rules, SimulatorHttpServer wecomServer) {
        Map<String, String> env = new HashMap<>();
        env.put("ASSISTANT_RULES_FILE", rules.toAbsolutePath().toString());
        env.put("WECOM_CORP_ID", CORP_ID);
        env.put("WECOM_SECRET", APP_SECRET);
        env.put("WECOM_AGENT_ID", String.valueOf(AGENT_ID));
        env.put("WECOM_KF_SECRET", KF_SECRET);
        env.put("WECOM_CALLBACK_TOKEN", CALLBACK_TOKEN);
        env.put("WECOM_CALLBACK_AES_KEY", AES_KEY);
        env.put("WECOM_API_BASE", wecomServer.baseUri().toString());
        env.put("WECOM_HTTP_TIMEOUT_SECONDS", "3");
        env.put("ADMIN_USERNAME", ADMIN_USER);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CONVERSATION_NOTIFY_TO", SERVICER_ONLINE);
        return env;
    }
}
