package com.kfgateway.bench;

import com.kfgateway.it.PayaraProcess;
import com.kfgateway.it.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every benchmark run needs around the harness: the build's files as the system properties {@link PayaraProcess}
 * reads (Maven sets them for the ITs; a {@code main} sets them itself), the server's JVM options, the machine's
 * load, the server's RSS, a thread dump, and the header every result table starts with.
 */
final class BenchRun {

    /**
     * The server's JVM options unless {@code -Dkfgateway.it.jvm-options=…} says otherwise: the ones README
     * recommends for a 2-core machine (and the run command uses). C1 only: on 2 cores C2's compiler threads took most
     * of a core for minutes, so the 10,000-customer backlog ran as fast either way (145 vs 145 msg/s) with 9.0 instead
     * of 11.3 ms of server CPU per message, and 100 slow-model customers took 2.7 instead of 3.3 s. The 256 MB heap
     * keeps the RSS after that backlog under 600 MB (573 MB; 637 MB with 384 MB) at the same rate.
     */
    static final String JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m "
            + "-XX:TieredStopAtLevel=1";

    private BenchRun() {
    }

    /** Sets the build's files and the JVM options unless given; fails early when the build has not run. */
    static void prepare() throws IOException {
        defaultPath("kfgateway.it.war", Path.of("target/kf-gateway.war"));
        defaultPath("kfgateway.it.payara-jar", payaraJar());
        defaultPath("kfgateway.it.pre-boot-commands", Path.of("server-config/payara/pre-boot-commands.asadmin"));
        if (System.getProperty("kfgateway.it.jvm-options") == null) {
            System.setProperty("kfgateway.it.jvm-options", JVM_OPTIONS);
        }
        if (!Files.isRegularFile(Path.of(System.getProperty("kfgateway.it.war")))) {
            throw new IllegalStateException("no target/kf-gateway.war: run mvn -o -q package -DskipTests first");
        }
    }

    /** A work directory under target/, emptied. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("bench.work-dir", "target/bench")).resolve(name).toAbsolutePath();
        PayaraProcess.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    /** VmRSS of a process in MB, or -1 when it cannot be read. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /**
     * CPU seconds (user + system) the process has used so far, from {@code /proc/<pid>/stat} at the usual 100 ticks
     * per second; -1 when unknown. The difference over a phase says what the phase cost, whatever else ran.
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(", ", Arrays.copyOf(fields, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes {@code jstack pid} to the file (best effort: a benchmark never fails for want of a dump). */
    static void threadDump(long pid, Path file) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        try {
            Process process = new ProcessBuilder(jstack.toString(), String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("no thread dump: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":"
                + TestGateway.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The lines every result starts with: what ran, where, under which load. */
    static void printHeader(String title, String arguments) {
        System.out.println();
        System.out.println("## " + title + (arguments.isEmpty() ? "" : " (" + arguments + ")"));
        System.out.println();
        System.out.printf(Locale.ROOT, "%s, %d cores, Java %s, load average %s (1, 5, 15 min), commit %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load(),
                commit());
        System.out.println("server JVM options: " + String.join(" ", PayaraProcess.jvmOptions()));
        System.out.println();
    }

    /** The {@code name=value} arguments from index {@code from} on. */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("options are name=value, not " + args[i]);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    /** One row of a two-column results table. */
    static void row(String figure, String value) {
        System.out.println("| " + figure + " | " + value + " |");
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void defaultPath(String key, Path value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value.toAbsolutePath().toString());
        }
    }

    private static Path payaraJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("payara-micro-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/payara-micro-*.jar: run mvn -o -q package "
                            + "-DskipTests first"));
        }
    }
}
