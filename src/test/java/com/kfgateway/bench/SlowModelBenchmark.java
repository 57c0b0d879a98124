package com.kfgateway.bench;

import static com.kfgateway.it.TestGateway.ACCOUNT;

import com.kfgateway.assistant.control.FakeChatModel;
import com.kfgateway.assistant.control.FakeChatModel.Reply;
import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.sandbox.control.SimulatorBacklog;
import com.kfgateway.sandbox.entity.DeliveredMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Issue 8, benchmark 3: 100 customers at once with an OpenAI-compatible fake model that takes 2 s per answer
 * ({@link FakeChatModel}, answering "answer to: &lt;question&gt;"). Their messages are queued in the simulator and one
 * callback rings; once the first model call is in flight, a new customer enters the session (its welcome code lives
 * 20 s, so the welcome must not wait behind model calls) and a few signed callbacks are posted and timed (the ack
 * must not either). Prints the time until all are answered, whether each customer's answers came in order, the
 * welcome's latency, the callback ack latencies, and how many model calls were in flight at most.
 * <p>
 * Options ({@code name=value}): {@code customers} (100), {@code each} messages per customer (1), {@code delay} of the
 * model in ms (2000), {@code probes} callbacks timed during the wait (10), {@code warmup} customers answered first
 * (as many as {@code customers}: one round of the same shape, so the measured round runs compiled code, as a server
 * that has been up a while does; {@code warmup=10} shows a cold one). Not a test: nothing here asserts a time.
 */
public final class SlowModelBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private SlowModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchRun.options(args, 0);
        int customers = Integer.parseInt(options.getOrDefault("customers", "100"));
        int each = Integer.parseInt(options.getOrDefault("each", "1"));
        long delay = Long.parseLong(options.getOrDefault("delay", "2000"));
        int probes = Integer.parseInt(options.getOrDefault("probes", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", String.valueOf(customers)));
        BenchRun.prepare();
        Path work = BenchRun.workDir("slow-model");
        ConcurrentLinkedQueue<Long> modelArrivals = new ConcurrentLinkedQueue<>();
        try (FakeChatModel model = new FakeChatModel()) {
            model.responder = request -> {
                modelArrivals.add(System.nanoTime());
                return new Reply(200, FakeChatModel.reply("answer to: " + request.lastUserMessage()), delay);
            };
            GatewayBuilder builder = GatewayBuilder.inWorkDir(work).env("ASSISTANT_BASE_URL", model.baseUrl())
                    .env("ASSISTANT_API_KEY", "sk-bench-slow-model").env("ASSISTANT_MODEL", "bench-slow-model")
                    .env("ASSISTANT_TIMEOUT_SECONDS", "20");
            long bootStarted = System.nanoTime();
            try (GatewayBuilder.Booted gateway = builder.start()) {
                Duration boot = Duration.ofNanos(System.nanoTime() - bootStarted);
                System.out.printf(Locale.ROOT, "booted in %.1f s (pid %d)%n", boot.toMillis() / 1000.0,
                        gateway.server().pid());
                SimulatorBacklog backlog = new SimulatorBacklog(gateway.wecom());
                if (warmup > 0) {
                    Batch warm = Batch.queue(backlog, "wmSlowWarm", warmup, 1);
                    backlog.ring(ACCOUNT);
                    warm.await(backlog, Instant.now());
                }
                modelArrivals.clear();
                Batch batch = Batch.queue(backlog, "wmSlow", customers, each);
                String newcomer = "wmSlowWelcome" + Long.toString(System.nanoTime(), 36);
                gateway.wecom().addCustomer(newcomer, newcomer);
                double serverCpuBefore = BenchRun.cpuSeconds(gateway.server().pid());
                double ownCpuBefore = BenchRun.cpuSeconds(ProcessHandle.current().pid());
                Instant rang = Instant.now();
                long rangNanos = System.nanoTime();
                backlog.ring(ACCOUNT);
                while (modelArrivals.isEmpty() && Duration.between(rang, Instant.now()).compareTo(GIVE_UP) < 0) {
                    Thread.sleep(5);
                }
                double modelFirstMs = Duration.between(rang, Instant.now()).toNanos() / 1e6;
                Instant entered = Instant.now();
                backlog.queueEnterSession(ACCOUNT, newcomer);
                backlog.ring(ACCOUNT);
                double[] acks = probeAcks(backlog, gateway.server().port(), probes);
                BenchRun.threadDump(gateway.server().pid(), work.resolve("jstack-model-calls-in-flight.txt"));
                batch.await(backlog, rang);
                double serverCpu = BenchRun.cpuSeconds(gateway.server().pid()) - serverCpuBefore;
                double ownCpu = BenchRun.cpuSeconds(ProcessHandle.current().pid()) - ownCpuBefore;
                double welcomeMs = welcomeLatency(backlog, newcomer, entered);
                double modelLastMs = modelArrivals.stream().mapToLong(Long::longValue).max().orElse(rangNanos)
                        - rangNanos;
                print(customers, each, delay, batch, rang, modelFirstMs, modelLastMs / 1e6, serverCpu, ownCpu,
                        welcomeMs, acks,
                        maxInFlight(modelArrivals, delay), modelArrivals.size(), boot,
                        BenchRun.rssMb(gateway.server().pid()), work);
            }
        }
        System.exit(0);
    }

    /** Customers with queued questions, and what reached them. */
    static final class Batch {
        final Map<String, List<String>> expected = new HashMap<>();
        final Map<String, List<DeliveredMessage>> delivered = new HashMap<>();
        int position;
        boolean complete;

        static Batch queue(SimulatorBacklog backlog, String prefix, int customers, int each) {
            Batch batch = new Batch();
            batch.position = backlog.deliveredCount();
            String run = Long.toString(System.nanoTime(), 36);
            for (int m = 1; m <= each; m++) {
                for (int c = 0; c < customers; c++) {
                    String customer = String.format(Locale.ROOT, "%s%04d%s", prefix, c, run);
                    String question = "question " + m + " of customer " + c;
                    backlog.queueText(ACCOUNT, customer, question);
                    batch.expected.computeIfAbsent(customer, k -> new ArrayList<>()).add("answer to: " + question);
                }
            }
            return batch;
        }

        void await(SimulatorBacklog backlog, Instant since) throws InterruptedException {
            while (Duration.between(since, Instant.now()).compareTo(GIVE_UP) < 0) {
                List<DeliveredMessage> fresh = backlog.deliveredFrom(position);
                position += fresh.size();
                fresh.stream().filter(d -> expected.containsKey(d.externalUserid())).forEach(d -> delivered
                        .computeIfAbsent(d.externalUserid(), k -> new ArrayList<>()).add(d));
                if (expected.entrySet().stream().allMatch(e -> delivered.getOrDefault(e.getKey(), List.of())
                        .size() >= e.getValue().size())) {
                    complete = true;
                    return;
                }
                Thread.sleep(20);
            }
        }

        long answeredCustomers() {
            return expected.keySet().stream().filter(c -> delivered.getOrDefault(c, List.of()).size() >= expected
                    .get(c).size()).count();
        }

        long inOrder() {
            return expected.entrySet().stream().filter(e -> e.getValue().equals(delivered.getOrDefault(e.getKey(),
                    List.of()).stream().map(DeliveredMessage::content).toList())).count();
        }

        double[] answerMillis(Instant since) {
            return delivered.values().stream().flatMap(List::stream).mapToDouble(d -> Duration.between(since, d.at())
                    .toNanos() / 1e6).sorted().toArray();
        }
    }

    /** Signed callbacks posted one after another on a fresh keep-alive connection, each timed to its 200. */
    private static double[] probeAcks(SimulatorBacklog backlog, int port, int probes) throws Exception {
        SignedCallbacks callbacks = new SignedCallbacks("/api/wecom/callback", backlog::syncToken);
        double[] millis = new double[probes];
        try (KeepAlivePoster poster = new KeepAlivePoster("127.0.0.1", port)) {
            for (int i = 0; i < probes; i++) {
                SignedCallbacks.Signed request = callbacks.next();
                long sent = System.nanoTime();
                int status;
                try {
                    status = poster.post(request.pathAndQuery(), request.body());
                } catch (IOException e) {
                    poster.close();
                    status = -1;
                }
                millis[i] = status == 200 ? (System.nanoTime() - sent) / 1e6 : Double.NaN;
                Thread.sleep(50);
            }
        }
        return millis;
    }

    /** From the enter_session to the welcome (send_msg_on_event) reaching the newcomer; -1 if it never came. */
    private static double welcomeLatency(SimulatorBacklog backlog, String newcomer, Instant entered)
            throws InterruptedException {
        Instant giveUp = entered.plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(giveUp)) {
            for (DeliveredMessage d : backlog.deliveredFrom(0)) {
                if (d.externalUserid().equals(newcomer) && d.via().equals("send_msg_on_event")) {
                    return Duration.between(entered, d.at()).toNanos() / 1e6;
                }
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** The most model calls that arrived within one model delay of each other: the calls in flight at once. */
    private static int maxInFlight(ConcurrentLinkedQueue<Long> arrivals, long delayMillis) {
        long[] at = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int best = 0;
        for (int i = 0, j = 0; i < at.length; i++) {
            while (at[i] - at[j] >= delayMillis * 1_000_000) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }

    private static void print(int customers, int each, long delay, Batch batch, Instant rang, double modelFirstMs,
            double modelLastMs, double serverCpu, double ownCpu, double welcomeMs, double[] acks, int inFlight,
            int modelCalls, Duration boot,
            double rssMb, Path work) {
        BenchRun.printHeader("SlowModelBenchmark", customers + " customers × " + each + ", model " + delay + " ms");
        double[] answers = batch.answerMillis(rang);
        double[] okAcks = Arrays.stream(acks).filter(a -> !Double.isNaN(a)).sorted().toArray();
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        BenchRun.row("customers answered (all their messages)", batch.answeredCustomers() + " of " + customers
                + (batch.complete ? "" : " (gave up after " + GIVE_UP.toSeconds() + " s)"));
        BenchRun.row("**time until all answered** (goal ≤ " + BenchRun.ms(delay * 1.25 / 1000.0) + " s)",
                answers.length == 0 ? "–" : String.format(Locale.ROOT, "**%.2f s**", answers[answers.length - 1]
                        / 1000));
        BenchRun.row("first / median answer", answers.length == 0 ? "–" : String.format(Locale.ROOT, "%.2f s / %.2f s",
                answers[0] / 1000, answers[answers.length / 2] / 1000));
        BenchRun.row("customers whose answers came in the order asked", batch.inOrder() + " of " + customers);
        BenchRun.row("first / last model call after the callback", BenchRun.ms(modelFirstMs) + " ms / "
                + BenchRun.ms(modelLastMs) + " ms");
        BenchRun.row("CPU until all answered: server / this JVM (simulator, fake model, probes)", String.format(
                Locale.ROOT, "%.2f s / %.2f s", serverCpu, ownCpu));
        BenchRun.row("model calls in flight at once (max)", String.valueOf(inFlight));
        BenchRun.row("model calls in all", String.valueOf(modelCalls));
        BenchRun.row("welcome (enter_session → send_msg_on_event) while model calls are in flight",
                welcomeMs < 0 ? "**never (30 s)**" : String.format(Locale.ROOT, "**%.0f ms**", welcomeMs));
        BenchRun.row("callback ack while model calls are in flight: p50 / p99 (= max of " + acks.length + ")",
                okAcks.length == 0 ? "–" : String.format(Locale.ROOT, "%.1f ms / **%.1f ms**",
                        okAcks[okAcks.length / 2], okAcks[okAcks.length - 1]));
        BenchRun.row("callbacks not answered 200", String.valueOf(acks.length - okAcks.length));
        BenchRun.row("boot to ready", String.format(Locale.ROOT, "%.1f s", boot.toMillis() / 1000.0));
        BenchRun.row("server RSS after the run", String.format(Locale.ROOT, "%.0f MB", rssMb));
        System.out.println();
        System.out.println("thread dump while the model calls were in flight: "
                + work.resolve("jstack-model-calls-in-flight.txt"));
    }
}
