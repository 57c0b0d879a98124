package com.kfgateway.bench;

import static com.kfgateway.it.TestGateway.ACCOUNT;

import com.kfgateway.delivery.control.MsgIds;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.it.ThrowawayPostgres;
import com.kfgateway.sandbox.control.SimulatorBacklog;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 8, benchmark 1: a backlog answered by the rules engine. Customers' messages are queued in the simulator
 * without a callback each, then ONE callback rings; the run ends when every customer has an answer and nothing more
 * arrives for a few seconds, or at the time cap. Prints msg/s, first and last answer, duplicates, lost, replies per
 * customer, quota refusals (the simulator's 95001s and FAILED send-log parts whose error is the quota), boot time and
 * the server's RSS after the run, and leaves a thread dump taken mid-run in the work directory.
 * <p>
 * Arguments: {@code h2|postgres}, the shape {@code new:N} (N new customers, one message each; default 10000) or
 * {@code burst:CxM} (C customers, M quick messages each, all queued before the callback: WeCom then allows 5 replies
 * per customer in all, since the quota counts from a customer's newest message), then optional {@code cap=SECONDS}
 * (default 900) and {@code warmup=N} (customers answered before the measured run to warm the JIT; default 100).
 * Not a test: nothing here asserts a time.
 */
public final class BacklogBenchmark {

    /** Each hits one of the built-in rules (none is a handover phrase), and one hits none (the fallback). */
    private static final List<String> QUESTIONS = List.of("你好", "营业时间是几点?", "how much is it", "shipping?",
            "我想退货", "something no rule knows");
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);

    private BacklogBenchmark() {
    }

    record Shape(String name, int customers, int messagesEach) {
        static Shape parse(String text) {
            if (text.startsWith("new:")) {
                return new Shape(text, Integer.parseInt(text.substring(4).replace("_", "")), 1);
            }
            if (text.startsWith("burst:")) {
                String[] parts = text.substring(6).split("x");
                return new Shape(text, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
            throw new IllegalArgumentException("shape is new:N or burst:CxM, not " + text);
        }

        int messages() {
            return customers * messagesEach;
        }
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        Shape shape = Shape.parse(args.length > 1 ? args[1] : "new:10000");
        Map<String, String> options = BenchRun.options(args, 2);
        Duration cap = Duration.ofSeconds(Long.parseLong(options.getOrDefault("cap", "900")));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        BenchRun.prepare();
        Path work = BenchRun.workDir("backlog-" + database);
        ThrowawayPostgres postgres = null;
        // The run measures throughput: a backlog older than the default 10 minutes would be recorded and not
        // answered, by design, and would count as lost on a slow build.
        GatewayBuilder builder = GatewayBuilder.inWorkDir(work).env("CONVERSATION_ANSWER_MAX_AGE_MINUTES", "1440");
        if (database.equals("postgres")) {
            postgres = ThrowawayPostgres.start(work.resolve("postgres"));
            postgres.productEnv().forEach(builder::env);
            System.setProperty("kfgateway.it.addlibs", ThrowawayPostgres.driverJar().toString());
        } else if (!database.equals("h2")) {
            throw new IllegalArgumentException("database is h2 or postgres, not " + database);
        }
        long bootStarted = System.nanoTime();
        try (GatewayBuilder.Booted gateway = builder.start()) {
            Duration boot = Duration.ofNanos(System.nanoTime() - bootStarted);
            System.out.printf(Locale.ROOT, "booted on %s in %.1f s (pid %d)%n", database, boot.toMillis() / 1000.0,
                    gateway.server().pid());
            SimulatorBacklog backlog = new SimulatorBacklog(gateway.wecom());
            if (warmup > 0) {
                Result warm = run(gateway, backlog, new Shape("warm-up", warmup, 1), "wmWarm", Duration.ofMinutes(5),
                        null);
                System.out.printf(Locale.ROOT, "warm-up: %d customers answered in %.1f s%n", warm.answeredCustomers,
                        warm.lastAnswerMillis / 1000.0);
            }
            Result result = run(gateway, backlog, shape, "wmBench", cap, work.resolve("jstack-mid-run.txt"));
            FailedSends failed = failedSends(gateway.server().baseUri());
            double rss = BenchRun.rssMb(gateway.server().pid());
            print(database, shape, cap, warmup, boot, result, failed, rss,
                    backlog.answered("kf/send_msg", 95001), work);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        System.exit(0);
    }

    /** What one queued backlog came to. */
    static final class Result {
        int answeredCustomers;
        int answeredMessages;
        int deliveries;
        int duplicateMsgids;
        int secondAnswers;
        int maxReplies;
        int minReplies = Integer.MAX_VALUE;
        double queueMillis;
        double firstAnswerMillis = -1;
        double lastAnswerMillis = -1;
        double everyCustomerMillis = -1;
        boolean capped;
        int customers;
        int messages;
        double serverCpuSeconds;
        double ownCpuSeconds;
    }

    private static Result run(GatewayBuilder.Booted gateway, SimulatorBacklog backlog, Shape shape, String prefix,
            Duration cap, Path dumpFile) throws InterruptedException {
        Result result = new Result();
        result.customers = shape.customers();
        result.messages = shape.messages();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < shape.customers(); i++) {
            customers.add(String.format(Locale.ROOT, "%s%06d%s", prefix, i, Long.toString(System.nanoTime(), 36)));
        }
        Map<String, String> answerOf = new HashMap<>();
        long queued = System.nanoTime();
        for (int m = 0; m < shape.messagesEach(); m++) {
            for (int c = 0; c < customers.size(); c++) {
                String question = QUESTIONS.get((c + m) % QUESTIONS.size()) + (m == 0 ? "" : " (" + (m + 1) + ")");
                String msgid = backlog.queueText(ACCOUNT, customers.get(c), question);
                for (int part = 1; part <= 5; part++) {
                    answerOf.put(MsgIds.derived(msgid, SendKind.ANSWER.name(), part), msgid);
                }
            }
        }
        result.queueMillis = (System.nanoTime() - queued) / 1e6;
        int position = backlog.deliveredCount();
        Set<String> ours = new HashSet<>(customers);
        Map<String, Integer> replies = new HashMap<>();
        Set<String> msgids = new HashSet<>();
        Map<String, Integer> firstParts = new HashMap<>();
        double serverCpu = BenchRun.cpuSeconds(gateway.server().pid());
        double ownCpu = BenchRun.cpuSeconds(ProcessHandle.current().pid());
        Instant rang = Instant.now();
        long rangNanos = System.nanoTime();
        backlog.ring(ACCOUNT);
        long lastNews = System.nanoTime();
        boolean dumped = dumpFile == null;
        while (true) {
            Thread.sleep(POLL.toMillis());
            List<DeliveredMessage> fresh = backlog.deliveredFrom(position);
            position += fresh.size();
            for (DeliveredMessage delivered : fresh) {
                if (!ours.contains(delivered.externalUserid())) {
                    continue;
                }
                lastNews = System.nanoTime();
                result.deliveries++;
                double at = Duration.between(rang, delivered.at()).toNanos() / 1e6;
                if (result.firstAnswerMillis < 0) {
                    result.firstAnswerMillis = at;
                }
                result.lastAnswerMillis = Math.max(result.lastAnswerMillis, at);
                if (!msgids.add(delivered.msgid())) {
                    result.duplicateMsgids++;
                }
                String source = answerOf.get(delivered.msgid());
                if (source != null && delivered.msgid().equals(MsgIds.derived(source, SendKind.ANSWER.name(), 1))) {
                    firstParts.merge(source, 1, Integer::sum);
                }
                replies.merge(delivered.externalUserid(), 1, Integer::sum);
                if (replies.size() == customers.size() && result.everyCustomerMillis < 0) {
                    result.everyCustomerMillis = at;
                }
            }
            long elapsed = System.nanoTime() - rangNanos;
            if (!dumped && elapsed > Duration.ofSeconds(5).toNanos() && replies.size() < customers.size()) {
                BenchRun.threadDump(gateway.server().pid(), dumpFile);
                dumped = true;
            }
            boolean allAnswered = replies.size() == customers.size();
            if (allAnswered && System.nanoTime() - lastNews > SETTLE.toNanos()) {
                break;
            }
            if (elapsed > cap.toNanos()) {
                result.capped = !allAnswered;
                break;
            }
        }
        result.serverCpuSeconds = BenchRun.cpuSeconds(gateway.server().pid()) - serverCpu;
        result.ownCpuSeconds = BenchRun.cpuSeconds(ProcessHandle.current().pid()) - ownCpu;
        result.answeredCustomers = replies.size();
        result.answeredMessages = firstParts.size();
        result.secondAnswers = (int) firstParts.values().stream().filter(n -> n > 1).count();
        if (shape.messagesEach() == 1) {
            // One message each, and every rules answer here is one part: a second reply is a duplicate answer.
            result.secondAnswers += (int) replies.values().stream().filter(n -> n > 1).count();
        }
        replies.values().forEach(n -> {
            result.maxReplies = Math.max(result.maxReplies, n);
            result.minReplies = Math.min(result.minReplies, n);
        });
        if (replies.size() < customers.size()) {
            result.minReplies = 0;
        }
        return result;
    }

    record FailedSends(int failed, int quota) {
    }

    /** FAILED send-log parts, and those whose error is WeCom's quota (95001), from the admin API. */
    private static FailedSends failedSends(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        int failed = 0;
        int quota = 0;
        Long before = null;
        while (true) {
            URI page = base.resolve("/api/admin/send-log?status=FAILED&limit=200" + (before == null ? ""
                    : "&before=" + before));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).header("Authorization",
                    BenchRun.basicAuth()).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("send-log API answered " + response.statusCode());
            }
            List<JsonObject> items = Json.createReader(new StringReader(response.body())).readObject()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.isEmpty()) {
                return new FailedSends(failed, quota);
            }
            for (JsonObject item : items) {
                failed++;
                String error = (item.containsKey("lastErrcode") && item.get("lastErrcode") != JsonValue.NULL
                        ? item.get("lastErrcode").toString() : "") + " " + item.getString("lastErrmsg", "") + " "
                        + item.getString("explanation", "");
                if (error.contains("95001") || error.toLowerCase(Locale.ROOT).contains("quota")) {
                    quota++;
                }
                before = item.getJsonNumber("id").longValue();
            }
        }
    }

    private static void print(String database, Shape shape, Duration cap, int warmup, Duration boot, Result r,
            FailedSends failed, double rssMb, long refused95001, Path work) {
        BenchRun.printHeader("BacklogBenchmark", database + " " + shape.name());
        double seconds = r.lastAnswerMillis / 1000.0;
        double window = r.capped ? cap.toMillis() / 1000.0 : seconds;
        int lost = r.customers - r.answeredCustomers;
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        BenchRun.row("database", database);
        BenchRun.row("shape", shape.customers() + " customers × " + shape.messagesEach() + " message(s) = " + r.messages
                + " messages, queued in " + BenchRun.ms(r.queueMillis) + " ms, then one callback");
        BenchRun.row("warm-up before the run", warmup + " customers");
        if (r.capped) {
            BenchRun.row("**time cap reached**", cap.toSeconds() + " s: " + r.answeredCustomers + " of " + r.customers
                    + " customers answered");
        }
        BenchRun.row(shape.messagesEach() == 1 ? "**msg/s** (messages answered and sent / time to last answer)"
                : "customer messages answered individually / s",
                String.format(Locale.ROOT, "**%.1f**", window <= 0 ? 0 : r.answeredMessages / window));
        BenchRun.row("customers answered / s", String.format(Locale.ROOT, "%.1f", window <= 0 ? 0 : r.answeredCustomers
                / window));
        BenchRun.row("time to first answer", BenchRun.ms(r.firstAnswerMillis) + " ms");
        BenchRun.row("time until every customer had an answer", r.everyCustomerMillis < 0 ? "–"
                : String.format(Locale.ROOT, "%.2f s", r.everyCustomerMillis / 1000.0));
        BenchRun.row("time to last answer", String.format(Locale.ROOT, "%.2f s", seconds));
        BenchRun.row("CPU per message: server / this JVM (simulator, polling)", r.messages == 0 ? "–"
                : String.format(Locale.ROOT, "%.2f ms / %.2f ms", r.serverCpuSeconds * 1000 / r.messages,
                        r.ownCpuSeconds * 1000 / r.messages));
        BenchRun.row("messages with their own answer", r.answeredMessages + " of " + r.messages);
        BenchRun.row("deliveries to these customers", String.valueOf(r.deliveries));
        BenchRun.row("duplicates (a msgid delivered twice / a message answered twice)", r.duplicateMsgids + " / "
                + r.secondAnswers);
        BenchRun.row(r.capped ? "not answered within the cap" : "lost (no answer)", String.valueOf(lost));
        BenchRun.row("replies per customer (min / max; WeCom allows 5 after the newest message)", r.minReplies + " / "
                + r.maxReplies);
        BenchRun.row("sends refused for quota (simulator 95001)", String.valueOf(refused95001));
        BenchRun.row("FAILED send-log parts (of which quota)", failed.failed() + " (" + failed.quota() + ")");
        BenchRun.row("boot to ready", String.format(Locale.ROOT, "%.1f s", boot.toMillis() / 1000.0));
        BenchRun.row("server RSS after the run", String.format(Locale.ROOT, "%.0f MB", rssMb));
        System.out.println();
        System.out.println("thread dump taken 5 s into the run (if it was still running): "
                + work.resolve("jstack-mid-run.txt"));
        System.out.println("server log: " + work.resolve("payara.log"));
    }
}
