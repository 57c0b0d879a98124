package com.kfgateway.admin;

import com.kfgateway.admin.control.KeysetCursor;
import com.kfgateway.it.PayaraProcess;
import com.kfgateway.it.TestGateway;
import com.kfgateway.sandbox.control.SimulatorHttpServer;
import com.kfgateway.sandbox.control.WeComSimulator;
import com.kfgateway.sandbox.entity.SimulatedCorp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * Not a test (CI does not run it): the load run behind "the inbox stays fast with 100,000 conversations and
 * 1,000,000 messages". Seeds a small (1,000 / ~10,000) and a large (100,000 / ~1,000,000) H2 file database with the
 * real migrations, boots the real WAR in Payara Micro on each in turn, and times every inbox view over loopback
 * HTTP, both as the console page (form login session) and as {@code GET /api/admin/conversations} (HTTP Basic).
 * Prints p50/p95 per view and size and the ratio large/small, and H2's EXPLAIN ANALYZE of each view's SQL. Waits
 * after each boot until the text search index has caught up with the seeded messages, and says how long that took.
 *
 * <p>Build first ({@code mvn -o -q package -DskipTests}: the WAR and the Payara Micro jar in target/), then run
 * {@code java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) com.kfgateway.admin.InboxLoadRun}. System properties: {@code inbox.requests}
 * (50), {@code inbox.warmup} (10), {@code inbox.budget-seconds} per view (15), {@code inbox.large} (100000),
 * {@code inbox.work-dir} (target/inbox-load).
 */
public final class InboxLoadRun {

    private static final int CONSOLE_PAGE = 25;
    private static final int API_PAGE = 50;
    private static final int MESSAGES_PER_CONVERSATION = 10;
    private static final int DEEP_ROWS = 2_500;
    /**
     * Each API request first verifies the password with PBKDF2 (210,000 iterations, most of a second on this kind of
     * machine), which would swamp the query: the API is timed for a few views and the auth floor only, briefly.
     */
    private static final List<Integer> API_VIEWS = List.of(0, 1, 8);
    private static final LatencyProbe API_PROBE = new LatencyProbe(2, 15, 5, Duration.ofSeconds(8));
    private static final LatencyProbe ONCE = new LatencyProbe(0, 1, 1, Duration.ZERO);

    record View(String name, String query) {
    }

    record Measured(String view, String via, LatencyProbe.Result result, int rows) {
    }

    record SizeRun(String label, InboxSeed.Counts counts, Duration boot, Duration indexed, List<Measured> measured,
            Map<String, String> plans) {
    }

    private InboxLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("inbox.work-dir", "target/inbox-load")).toAbsolutePath();
        defaultProperty("kfgateway.it.war", "target/kf-gateway.war");
        defaultProperty("kfgateway.it.payara-jar", payaraJar().toString());
        int large = Integer.getInteger("inbox.large", 100_000);
        LatencyProbe probe = new LatencyProbe(Integer.getInteger("inbox.warmup", 10),
                Integer.getInteger("inbox.requests", 50), 10,
                Duration.ofSeconds(Integer.getInteger("inbox.budget-seconds", 15)));
        long started = System.nanoTime();
        SizeRun small = run("small", large / 100, work.resolve("small"), probe);
        SizeRun big = run("large", large, work.resolve("large"), probe);
        print(small, big, Duration.ofNanos(System.nanoTime() - started));
        System.exit(0);
    }

    private static SizeRun run(String label, int conversations, Path dir, LatencyProbe probe) throws Exception {
        PayaraProcess.deleteRecursively(dir);
        String url = InboxSeed.jdbcUrl(dir.resolve("db/kf-gateway"));
        InboxSeed.migrate(url);
        Instant now = Instant.now();
        InboxSeed.Counts counts = InboxSeed.fill(url, conversations, MESSAGES_PER_CONVERSATION, now);
        System.out.printf("%s: seeded %,d conversations, %,d messages, %,d failed sends in %.1f s%n", label,
                counts.conversations(), counts.messages(), counts.sendLog(), counts.took().toMillis() / 1000.0);

        Object[] deep = InboxPlans.positionAfter(url, Math.min(DEEP_ROWS, conversations - API_PAGE));
        Object[] oldest = InboxPlans.positionAfter(url, conversations - CONSOLE_PAGE);
        LocalDate to = LocalDate.ofInstant(now, ZoneId.systemDefault()).minusDays(60);
        LocalDate from = to.minusDays(6);
        String account = InboxSeed.ACCOUNTS[3];
        Map<String, String> plans = InboxPlans.explain(url, InboxPlans.queries((Timestamp) deep[0], (Long) deep[1],
                account, 3, Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay())));

        List<View> views = List.of(
                new View("first page", ""),
                new View("deep page (keyset, after " + Math.min(DEEP_ROWS, conversations - API_PAGE) + " rows)",
                        "after=" + cursor(deep)),
                new View("oldest page (keyset)", "after=" + cursor(oldest)),
                new View("KF account", "account=" + account),
                new View("service state HUMAN", "state=HUMAN"),
                new View("has failed sends", "failed=true"),
                new View("date range (7 days)", "from=" + from + "&to=" + to),
                new View("search, common word", "q=" + encode(InboxSeed.COMMON_WORD)),
                new View("search, one match", "q=" + encode(InboxSeed.RARE_WORD)));

        try (Gateway gateway = Gateway.start(dir); TableTouch touch = new TableTouch(dir)) {
            Duration boot = gateway.boot;
            System.out.printf("%s: Payara Micro ready in %.1f s at %s%n", label, boot.toMillis() / 1000.0,
                    gateway.server.baseUri());
            Duration indexed = awaitSearchIndex(gateway.server);
            System.out.printf("%s: search index caught up %.1f s after that%n", label, indexed.toMillis() / 1000.0);
            Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            Map<String, String> session = Map.of("Cookie", "JSESSIONID=" + login(gateway.server.baseUri()));
            checkKeysetWalk(gateway.server.baseUri(), basic, probe, Math.min(DEEP_ROWS, conversations - API_PAGE),
                    cursor(deep));
            List<Measured> measured = new ArrayList<>();
            for (View view : views) {
                URI page = gateway.server.baseUri().resolve("/admin/conversations/list.xhtml?" + view.query());
                LatencyProbe.Result console = probe.measure(page, session, touch);
                if (!console.lastBody().contains("id=\"filters\"")) {
                    throw new IllegalStateException(view.name() + ": the console did not show the inbox");
                }
                URI api = gateway.server.baseUri().resolve("/api/admin/conversations?limit=" + API_PAGE
                        + (view.query().isEmpty() ? "" : "&" + view.query()));
                boolean timeApi = API_VIEWS.contains(views.indexOf(view));
                LatencyProbe.Result json = (timeApi ? API_PROBE : ONCE).measure(api, basic, touch);
                int rows = Json.createReader(new StringReader(json.lastBody())).readObject().getJsonArray("items")
                        .size();
                measured.add(new Measured(view.name(), "console", console, rows));
                if (timeApi) {
                    measured.add(new Measured(view.name(), "api", json, rows));
                }
                System.out.printf("%s  %-40s console p50 %8.1f p95 %8.1f ms  api p50 %8.1f ms  (%d rows)%n", label,
                        view.name(), console.p50Millis(), console.p95Millis(), json.p50Millis(), rows);
            }
            // Every API request pays for PBKDF2 (210,000 iterations) before the query: this is that floor.
            URI floor = gateway.server.baseUri().resolve("/api/admin/conversations?limit=1&account=none");
            measured.add(new Measured("auth floor (empty result)", "api", API_PROBE.measure(floor, basic, touch), 0));
            return new SizeRun(label, counts, boot, indexed, measured, plans);
        }
    }

    /**
     * The text index is built from the seeded table after boot (in the background; until then search reads the
     * table, correct but slow). Times are of the index answering, so wait for its "ready" line in the server log.
     */
    private static Duration awaitSearchIndex(PayaraProcess server) throws InterruptedException {
        long started = System.nanoTime();
        Duration limit = Duration.ofMinutes(20);
        while (!server.log().contains("Search index ready")) {
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(limit) > 0) {
                throw new IllegalStateException("the search index was not ready after " + limit);
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Walks the API page by page with the "next" token: no row twice, and it ends where the SQL says it should. */
    private static void checkKeysetWalk(URI base, Map<String, String> basic, LatencyProbe probe, int rows,
            String expected) throws IOException, InterruptedException {
        Set<Long> seen = new HashSet<>();
        String next = null;
        int step = com.kfgateway.admin.control.ConversationFilter.MAX_PAGE;
        while (rows % step != 0) {
            step--;
        }
        for (int page = 0; page < rows / step; page++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/admin/conversations?limit="
                    + step + (next == null ? "" : "&after=" + next)));
            basic.forEach(request::header);
            JsonObject json = Json.createReader(new StringReader(probe.send(request.build()))).readObject();
            json.getJsonArray("items").forEach(item -> {
                if (!seen.add(((JsonObject) item).getJsonNumber("id").longValue())) {
                    throw new IllegalStateException("keyset paging repeated conversation " + item);
                }
            });
            next = json.getString("next");
        }
        if (seen.size() != rows || !expected.equals(next)) {
            throw new IllegalStateException("keyset walk saw " + seen.size() + " rows and ended at " + next
                    + ", expected " + rows + " rows ending at " + expected);
        }
    }

    /** Logs in through the console's form and returns the session id, so page timings exclude PBKDF2. */
    private static String login(URI base) throws IOException {
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.addRequestHeader("Accept-Language", "en");
            HtmlPage page = browser.getPage(base.resolve("/admin/index.xhtml").toURL());
            HtmlForm form = page.getFormByName("login");
            form.getInputByName("username").setValue(TestGateway.ADMIN_USER);
            form.getInputByName("password").setValue(TestGateway.ADMIN_PASSWORD);
            form.getInputByName("submit").click();
            return browser.getCookieManager().getCookie("JSESSIONID").getValue();
        }
    }

    private static String cursor(Object[] position) {
        return new KeysetCursor(((Timestamp) position[0]).toInstant(), (Long) position[1]).encode();
    }

    private static void print(SizeRun small, SizeRun large, Duration total) {
        System.out.println();
        System.out.printf("Inbox load run, %d cores, %s; total %.0f s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), total.toSeconds() * 1.0);
        for (SizeRun size : List.of(small, large)) {
            System.out.printf("%s: %,d conversations, %,d messages, %,d failed sends; seeded in %.1f s, booted in "
                    + "%.1f s, search index caught up %.1f s later%n", size.label(), size.counts().conversations(),
                    size.counts().messages(), size.counts().sendLog(), size.counts().took().toMillis() / 1000.0,
                    size.boot().toMillis() / 1000.0, size.indexed().toMillis() / 1000.0);
        }
        System.out.println();
        System.out.println("| view | via | small p50 ms | small p95 ms | large p50 ms | large p95 ms | ratio p50 | "
                + "ratio p95 | n small/large | rows small/large |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < small.measured().size(); i++) {
            Measured s = small.measured().get(i);
            Measured l = large.measured().get(i);
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d/%d | %d/%d |%n",
                    l.view(), l.via(), s.result().p50Millis(), s.result().p95Millis(), l.result().p50Millis(),
                    l.result().p95Millis(), l.result().p50Millis() / s.result().p50Millis(),
                    l.result().p95Millis() / s.result().p95Millis(), s.result().count(), l.result().count(),
                    s.rows(), l.rows());
        }
        for (SizeRun size : List.of(small, large)) {
            System.out.println();
            System.out.println("EXPLAIN ANALYZE, " + size.label() + ":");
            size.plans().forEach((view, plan) -> System.out.println("- " + view + ": " + plan));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Path.of(value).toAbsolutePath().toString());
        }
    }

    private static Path payaraJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("payara-micro-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/payara-micro-*.jar: run mvn -o package "
                            + "-DskipTests first"));
        }
    }

    /** The seeded database, opened by Payara first and reachable by the load run through H2's auto server. */
    private static String sharedUrl(Path dir) {
        return InboxSeed.jdbcUrl(dir.resolve("db/kf-gateway")) + ";AUTO_SERVER=TRUE";
    }

    /**
     * Writes one harmless row change before each timed request. H2 hands back the previous result when the same
     * query runs again on tables nobody changed, so without a write the run would time a cache lookup (it did: the
     * first page read 100,000 rows in 300 ms in a shell yet answered in 12 ms). A live inbox writes all the time.
     * (Turning the reuse off instead is no good: H2 then re-runs an IN subquery for every outer row.)
     */
    private static final class TableTouch implements Runnable, AutoCloseable {
        private final java.sql.Connection db;
        private final java.sql.PreparedStatement touch;

        TableTouch(Path dir) throws java.sql.SQLException {
            db = java.sql.DriverManager.getConnection(sharedUrl(dir), "sa", "");
            touch = db.prepareStatement("update conversation set version = version + 1 where id = 1");
        }

        @Override
        public void run() {
            try {
                touch.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not touch the conversation table", e);
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            db.close();
        }
    }

    /** The WAR in Payara Micro against one seeded database, with the WeCom simulator on loopback as its WeCom. */
    private static final class Gateway implements AutoCloseable {
        final PayaraProcess server;
        final SimulatorHttpServer wecomServer;
        final Duration boot;

        private Gateway(PayaraProcess server, SimulatorHttpServer wecomServer, Duration boot) {
            this.server = server;
            this.wecomServer = wecomServer;
            this.boot = boot;
        }

        static Gateway start(Path dir) throws IOException, InterruptedException {
            WeComSimulator wecom = new WeComSimulator(new SimulatedCorp(TestGateway.CORP_ID, TestGateway.APP_SECRET,
                    TestGateway.AGENT_ID, TestGateway.KF_SECRET, TestGateway.CALLBACK_TOKEN, TestGateway.AES_KEY),
                    Clock.systemUTC());
            for (String account : InboxSeed.ACCOUNTS) {
                wecom.admin().addAccount(account, account, true);
            }
            SimulatorHttpServer wecomServer = SimulatorHttpServer.start(wecom, 0);
            Map<String, String> env = new HashMap<>();
            env.put("WECOM_CORP_ID", TestGateway.CORP_ID);
            env.put("WECOM_SECRET", TestGateway.APP_SECRET);
            env.put("WECOM_AGENT_ID", String.valueOf(TestGateway.AGENT_ID));
            env.put("WECOM_KF_SECRET", TestGateway.KF_SECRET);
            env.put("WECOM_CALLBACK_TOKEN", TestGateway.CALLBACK_TOKEN);
            env.put("WECOM_CALLBACK_AES_KEY", TestGateway.AES_KEY);
            env.put("WECOM_API_BASE", wecomServer.baseUri().toString());
            env.put("DB_URL", sharedUrl(dir));
            env.put("ADMIN_USERNAME", TestGateway.ADMIN_USER);
            env.put("ADMIN_PASSWORD", TestGateway.ADMIN_PASSWORD);
            PayaraProcess server = new PayaraProcess(dir, env);
            wecom.setCallbackUrl(server.baseUri().resolve("/api/wecom/callback"));
            long started = System.nanoTime();
            server.start();
            return new Gateway(server, wecomServer, Duration.ofNanos(System.nanoTime() - started));
        }

        @Override
        public void close() throws InterruptedException {
            server.stop();
            wecomServer.close();
        }
    }
}
