package com.kfgateway.bench;

import com.kfgateway.it.GatewayBuilder;
import com.kfgateway.sandbox.control.SimulatorBacklog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 8, benchmark 2: the callback ack against a bare endpoint on the same Payara Micro. The benchmark packs the
 * bare WAR itself ({@link BareEndpointWar}) and deploys it beside the product; 16 client threads, each on its own
 * keep-alive connection, POST valid signed and encrypted kf_msg_or_event callbacks for the IT account (fresh nonce,
 * current timestamp) to one target at a time. Both are warmed up, then measured rounds of fixed length alternate
 * (bare, product, bare, product …). Prints req/s, p50 and p99 per target and the ratios. Each callback to the
 * product triggers its (coalesced) pulls against the simulator, which has nothing queued.
 * <p>
 * Options ({@code name=value}): {@code clients} (16), {@code warmup} seconds per target (20), {@code round} seconds
 * (10), {@code rounds} per target (3). Not a test: nothing here asserts a time.
 */
public final class AckBenchmark {

    private static final String PRODUCT_PATH = "/api/wecom/callback";

    private AckBenchmark() {
    }

    /** One target's measured requests: latencies in nanoseconds, and the requests that failed. */
    record Round(String target, int number, long requests, long errors, double seconds, long[] latencies) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchRun.options(args, 0);
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("round", "10")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        BenchRun.prepare();
        Path work = BenchRun.workDir("ack");
        Path bareWar = BareEndpointWar.write(work.resolve("bench-bare.war"));
        GatewayBuilder builder = GatewayBuilder.inWorkDir(work).alsoDeploy(bareWar, BareEndpointWar.CONTEXT_ROOT);
        long bootStarted = System.nanoTime();
        try (GatewayBuilder.Booted gateway = builder.start()) {
            Duration boot = Duration.ofNanos(System.nanoTime() - bootStarted);
            SimulatorBacklog simulator = new SimulatorBacklog(gateway.wecom());
            int port = gateway.server().port();
            SignedCallbacks toProduct = new SignedCallbacks(PRODUCT_PATH, simulator::syncToken);
            SignedCallbacks toBare = new SignedCallbacks(BareEndpointWar.PATH, simulator::syncToken);
            System.out.printf(Locale.ROOT, "booted in %.1f s; warming up %d s per target%n", boot.toMillis() / 1000.0,
                    warmup.toSeconds());
            measure("bare", 0, toBare, port, clients, warmup);
            measure("product", 0, toProduct, port, clients, warmup);
            List<Round> measured = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                measured.add(measure("bare", i, toBare, port, clients, round));
                if (i == rounds) {
                    dumpLater(gateway.server().pid(), round.dividedBy(2), work.resolve("jstack-product-round.txt"));
                }
                measured.add(measure("product", i, toProduct, port, clients, round));
                System.out.printf(Locale.ROOT, "round %d: bare %.0f req/s, product %.0f req/s%n", i,
                        measured.get(measured.size() - 2).perSecond(), measured.get(measured.size() - 1).perSecond());
            }
            double rss = BenchRun.rssMb(gateway.server().pid());
            print(clients, warmup, round, rounds, measured, boot, rss,
                    simulator.calls("kf/sync_msg"), work);
        }
        System.exit(0);
    }

    private static Round measure(String target, int number, SignedCallbacks callbacks, int port, int clients,
            Duration length) throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (KeepAlivePoster poster = new KeepAlivePoster("127.0.0.1", port)) {
                    start.await();
                    long deadline = window[1];
                    while (System.nanoTime() < deadline) {
                        SignedCallbacks.Signed request = callbacks.next();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = poster.post(request.pathAndQuery(), request.body());
                        } catch (IOException e) {
                            poster.close();
                            status = -1;
                        }
                        long took = System.nanoTime() - sent;
                        if (status != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            }, "ack-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Round(target, number, total, errors.get(), seconds, all);
    }

    /** A thread dump of the server while the next round runs, from a thread of its own. */
    private static void dumpLater(long pid, Duration after, Path file) {
        Thread dumper = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
                BenchRun.threadDump(pid, file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ack-thread-dump");
        dumper.setDaemon(true);
        dumper.start();
    }

    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Round merged(List<Round> rounds, String target) {
        List<Round> mine = rounds.stream().filter(r -> r.target().equals(target)).toList();
        long[] all = mine.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
        return new Round(target, 0, mine.stream().mapToLong(Round::requests).sum(),
                mine.stream().mapToLong(Round::errors).sum(), mine.stream().mapToDouble(Round::seconds).sum(), all);
    }

    private static void print(int clients, Duration warmup, Duration round, int rounds, List<Round> measured,
            Duration boot, double rssMb, long syncCalls, Path work) {
        BenchRun.printHeader("AckBenchmark", clients + " clients, " + rounds + " × " + round.toSeconds()
                + " s per target after " + warmup.toSeconds() + " s warm-up each");
        System.out.println("| target | round | requests | errors | req/s | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Round r : measured) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f |%n", r.target(), r.number(),
                    r.requests(), r.errors(), r.perSecond(), percentileMs(r.latencies(), 0.50),
                    percentileMs(r.latencies(), 0.99));
        }
        Round bare = merged(measured, "bare");
        Round product = merged(measured, "product");
        for (Round r : List.of(bare, product)) {
            System.out.printf(Locale.ROOT, "| **%s, all rounds** | | %d | %d | **%.0f** | **%.2f** | **%.2f** |%n",
                    r.target(), r.requests(), r.errors(), r.perSecond(), percentileMs(r.latencies(), 0.50),
                    percentileMs(r.latencies(), 0.99));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "- req/s ratio product/bare: **%.2f** (goal ≥ 0.8)%n", product.perSecond()
                / bare.perSecond());
        System.out.printf(Locale.ROOT, "- p50: product %.2f ms, bare %.2f ms%n", percentileMs(product.latencies(),
                0.50), percentileMs(bare.latencies(), 0.50));
        System.out.printf(Locale.ROOT, "- p99: product − bare = **%+.2f ms** (goal ≤ 10 ms)%n",
                percentileMs(product.latencies(), 0.99) - percentileMs(bare.latencies(), 0.99));
        System.out.printf(Locale.ROOT, "- kf/sync_msg calls the simulator answered during the run: %d%n", syncCalls);
        System.out.printf(Locale.ROOT, "- boot to ready %.1f s (both WARs); server RSS after the run %.0f MB%n",
                boot.toMillis() / 1000.0, rssMb);
        System.out.println("- thread dump in the middle of the last product round: "
                + work.resolve("jstack-product-round.txt"));
    }
}
