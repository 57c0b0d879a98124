package com.kfgateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real WAR in the pinned Payara Micro, as a child process on a free loopback port. Readiness is an application
 * URL answering (Payara prints "ready" even when the deployment failed), and a SEVERE deployment error fails fast.
 */
public final class PayaraProcess {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(150);
    /** The tests' JVM options: small and quick to start. {@code kfgateway.it.jvm-options} replaces them. */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m "
            + "-XX:TieredStopAtLevel=1";

    private final Path workDir;
    private final Map<String, String> env;
    private final int port;
    private final Path logFile;
    private Process process;
    private CoverageAgent coverage;
    private int boots;
    private final List<String> extraDeployments = new ArrayList<>();

    public PayaraProcess(Path workDir, Map<String, String> env) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.env = env;
        this.port = freePort();
        this.logFile = workDir.resolve("payara.log");
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The running server's process id (for RSS and thread dumps); -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The JVM options the server starts with: {@link #DEFAULT_JVM_OPTIONS} unless kfgateway.it.jvm-options is set. */
    public static List<String> jvmOptions() {
        String options = System.getProperty("kfgateway.it.jvm-options", DEFAULT_JVM_OPTIONS).trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Deploys another WAR beside the product from the next start on, at its own context root (benchmarks do). */
    public synchronized void alsoDeploy(Path war, String contextRoot) {
        extraDeployments.add(war.toAbsolutePath() + ":" + contextRoot);
    }

    public synchronized void start() throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path logProperties = workDir.resolve("logging.properties");
        Files.writeString(logProperties, String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter",
                "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false",
                ".level=INFO", ""));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions());
        command.add("-Djava.io.tmpdir=" + tmp);
        coverage = CoverageAgent.fromBuild().orElse(null);
        if (coverage != null) {
            // What only the integration tests reach counts in the merged coverage report.
            command.add(coverage.jvmArgument());
        }
        command.addAll(List.of(
                "-jar", required("kfgateway.it.payara-jar"),
                "--deploy", required("kfgateway.it.war"),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nocluster",
                // The production listener settings (body caps, no server header), so the tests see what users get.
                "--prebootcommandfile", preBootCommands(),
                "--logproperties", logProperties.toString()));
        for (String deployment : extraDeployments) {
            command.addAll(List.of("--deploy", deployment));
        }
        String addLibs = System.getProperty("kfgateway.it.addlibs");
        if (addLibs != null && !addLibs.isBlank()) {
            // A JDBC driver for a database other than the bundled H2, e.g. PostgreSQL's.
            command.addAll(List.of("--addlibs", addLibs));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        boots++;
        // The log covers this test run only (restarts append), so log assertions never read an earlier run.
        Files.writeString(logFile, "=== boot " + boots + " ===\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, boots == 1
                        ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING
                        : java.nio.file.StandardOpenOption.APPEND);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
        awaitReady();
    }

    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        collectCoverage();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Kills the server without a shutdown: a crash, for the nothing-lost tests. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            collectCoverage();
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            process = null;
        }
    }

    private void collectCoverage() {
        if (coverage != null && process.isAlive()) {
            coverage.collect();
        }
    }

    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during boot; log:\n" + tail());
            }
            String log = log();
            if (log.contains("Exception while deploying") || log.contains("Deployment failed")) {
                throw new IllegalStateException("Deployment failed; log:\n" + tail());
            }
            try {
                HttpResponse<Void> response = client
                        .send(HttpRequest.newBuilder(baseUri().resolve("/api/wecom/callback"))
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 400 || response.statusCode() == 403) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro was not ready in " + BOOT_TIMEOUT + "; log:\n" + tail());
    }

    private String tail() {
        String log = log();
        return log.length() <= 8000 ? log : log.substring(log.length() - 8000);
    }

    /** Maven passes the file; runs from the project directory (InboxLoadRun, ConsoleDemo) find it there. */
    private static String preBootCommands() {
        return Path.of(System.getProperty("kfgateway.it.pre-boot-commands",
                "server-config/payara/pre-boot-commands.asadmin")).toAbsolutePath().toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run integration tests through Maven (mvn verify)");
        }
        return value;
    }

    /** Removes a directory tree left by an earlier run; missing is fine. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
