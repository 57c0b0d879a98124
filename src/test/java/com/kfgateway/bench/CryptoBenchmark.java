package com.kfgateway.bench;

import com.kfgateway.wecom.control.CallbackCrypto;
import com.kfgateway.wecom.control.CallbackCryptoException;
import com.kfgateway.wecom.control.CallbackXml;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Not a test (CI does not run it): issue 8's crypto throughput, ours ({@link CallbackCrypto}) against WxJava's
 * {@link WxCpCryptUtil} on the same inputs. The input is what a KF callback carries: the {@code Encrypt} field of a
 * {@code kf_msg_or_event} envelope.
 *
 * <p>Two measures per benchmark. JMH's score is wall-clock ops/s; on a shared 2-core machine whose load swings
 * tenfold within a minute, benchmarks run one after the other meet different machines, and that ratio is noise.
 * Ops per CPU-second of the benchmark thread ({@link CpuClock}) is what the code itself costs, and that ratio holds
 * under load; GC and JIT threads are not in it, which flatters the side that allocates more. The GC profiler adds
 * bytes allocated per op.
 *
 * <p>Encrypt + sign gives both sides the same 16 random bytes (WxJava's {@code encrypt(randomStr, text)}), so both
 * produce the same ciphertext and the random source is not what is compared; the {@code freshRandom} group is each
 * side's own API with fresh randomness (ours SecureRandom, WxJava {@code java.util.Random} plus a timestamp and
 * nonce), for reference. Neither side parses XML: verify + decrypt is WxJava's {@code decryptContent}, which is what
 * our callback path does once {@code CallbackEnvelope} has read the envelope.
 *
 * <p>Compile first ({@code mvn -o -q test-compile}), then run {@code java -cp
 * "target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
 * com.kfgateway.bench.CryptoBenchmark} (about 3 minutes; {@code -Dbench.forks=N}, default 2). Prints JMH's
 * table, then each pair side by side with the ratio ours / WxJava.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {

    private static final String TOKEN = "QDG6eK";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String CORP_ID = "ww5823bf96d3bd56c7";
    private static final String TIMESTAMP = "1700000000";
    private static final String NONCE = "1372623149";
    private static final String RANDOM = "a1B2c3D4e5F6g7H8";
    private static final String[][] PAIRS = {{"verifyAndDecrypt", "verify + decrypt"},
        {"encryptAndSign", "encrypt + sign"},
        {"freshRandom", "encrypt + sign, each side's fresh randomness"}};

    private CallbackCrypto ours;
    private WxCpCryptUtil wxJava;
    private String message;
    private String encrypted;
    private String signature;
    private byte[] random16;

    @Setup
    public void setUp() throws CallbackCryptoException {
        ours = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setToken(TOKEN);
        config.setAesKey(AES_KEY);
        config.setCorpId(CORP_ID);
        wxJava = new WxCpCryptUtil(config);
        random16 = RANDOM.getBytes(StandardCharsets.US_ASCII);
        message = CallbackXml.kfEventXml(CORP_ID, 1700000000L, "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR",
                "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw");
        String envelope = CallbackXml.envelopeXml(CORP_ID, null, ours.encrypt(message, random16));
        encrypted = CallbackXml.encryptField(envelope);
        signature = ours.signature(TIMESTAMP, NONCE, encrypted);
        // A benchmark of code that disagrees would compare nothing: both sides must read and write the same bytes.
        check(message.equals(ours.verifyAndDecrypt(signature, TIMESTAMP, NONCE, encrypted)), "ours decrypts");
        check(message.equals(wxJava.decryptContent(signature, TIMESTAMP, NONCE, encrypted)), "WxJava decrypts");
        check(wxJava.encrypt(RANDOM, message).equals(encrypted), "same ciphertext");
        check(SHA1.gen(TOKEN, TIMESTAMP, NONCE, encrypted).equals(signature), "same signature");
    }

    /**
     * The benchmark thread's own CPU time. JMH's score is wall-clock, and on a shared machine a thread that waits for
     * a core counts as slow; ops per CPU-second is what the code costs, whatever else runs.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuClock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long ops;
        public long cpuNanos;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            ops = 0;
            cpuNanos = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    @Benchmark
    public String verifyAndDecryptOurs(CpuClock clock) throws CallbackCryptoException {
        clock.ops++;
        return ours.verifyAndDecrypt(signature, TIMESTAMP, NONCE, encrypted);
    }

    @Benchmark
    public String verifyAndDecryptWxJava(CpuClock clock) {
        clock.ops++;
        return wxJava.decryptContent(signature, TIMESTAMP, NONCE, encrypted);
    }

    @Benchmark
    public void encryptAndSignOurs(CpuClock clock, Blackhole out) throws CallbackCryptoException {
        clock.ops++;
        String sealed = ours.encrypt(message, random16);
        out.consume(sealed);
        out.consume(ours.signature(TIMESTAMP, NONCE, sealed));
    }

    @Benchmark
    public void encryptAndSignWxJava(CpuClock clock, Blackhole out) {
        clock.ops++;
        String sealed = wxJava.encrypt(RANDOM, message);
        out.consume(sealed);
        out.consume(SHA1.gen(TOKEN, TIMESTAMP, NONCE, sealed));
    }

    @Benchmark
    public void freshRandomOurs(CpuClock clock, Blackhole out) throws CallbackCryptoException {
        clock.ops++;
        String sealed = ours.encrypt(message);
        out.consume(sealed);
        out.consume(ours.signature(TIMESTAMP, NONCE, sealed));
    }

    @Benchmark
    public WxCryptUtil.EncryptContext freshRandomWxJava(CpuClock clock) {
        clock.ops++;
        return wxJava.encryptContext(message);
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(CryptoBenchmark.class.getName() + "\\.")
                .forks(Integer.getInteger("bench.forks", 2))
                .warmupIterations(8)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .build();
        Map<String, RunResult> runs = new HashMap<>();
        for (RunResult run : new Runner(options).run()) {
            String name = run.getParams().getBenchmark();
            runs.put(name.substring(name.lastIndexOf('.') + 1), run);
        }
        System.out.printf(Locale.ROOT, "%n| operation | ours | WxJava | ours / WxJava |%n");
        System.out.println("|---|---:|---:|---:|");
        for (String[] pair : PAIRS) {
            RunResult ours = runs.get(pair[0] + "Ours");
            RunResult wxJava = runs.get(pair[0] + "WxJava");
            System.out.printf(Locale.ROOT, "| %s, ops per CPU-second | %,.0f | %,.0f | **%.2f×** |%n", pair[1],
                    perCpuSecond(ours), perCpuSecond(wxJava), perCpuSecond(ours) / perCpuSecond(wxJava));
            System.out.printf(Locale.ROOT, "| %s, ops/s wall-clock (JMH score) | %s | %s | %.2f× |%n", pair[1],
                    score(ours.getPrimaryResult()), score(wxJava.getPrimaryResult()),
                    ours.getPrimaryResult().getScore() / wxJava.getPrimaryResult().getScore());
            System.out.printf(Locale.ROOT, "| %s, bytes allocated per op | %,.0f | %,.0f | |%n", pair[1],
                    secondary(ours, "gc.alloc.rate.norm"), secondary(wxJava, "gc.alloc.rate.norm"));
        }
    }

    private static double perCpuSecond(RunResult run) {
        return secondary(run, "ops") / (secondary(run, "cpuNanos") / 1e9);
    }

    private static double secondary(RunResult run, String name) {
        return run.getSecondaryResults().get(name).getScore();
    }

    private static String score(Result<?> result) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), result.getScoreError());
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("benchmark inputs are inconsistent: " + what);
        }
    }
}
