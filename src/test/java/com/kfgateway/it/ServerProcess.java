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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every server the ITs boot has in common: a child process in its own work directory with the product's
 * environment, its output in one log per test run, readiness as an application URL answering (servers print "ready"
 * even when the deployment failed), a failed deployment failing fast, and JaCoCo's agent when the build asks for it.
 */
abstract class ServerProcess implements GatewayServer {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(150);

    protected final Path workDir;
    private final Map<String, String> env;
    private final int port;
    private final Path logFile;
    private Process process;
    private CoverageAgent coverage;
    private int boots;

    ServerProcess(Path workDir, Map<String, String> env, String logName) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.env = env;
        this.port = freePort();
        this.logFile = workDir.resolve(logName);
    }

    /** The command that starts the server; {@code coverage} is JaCoCo's JVM argument, or null. */
    protected abstract List<String> command(String coverage) throws IOException, InterruptedException;

    /** Environment beyond the product's own (the server's JVM options, say). */
    protected Map<String, String> serverEnvironment() {
        return Map.of();
    }

    /** True when the log shows that the deployment failed, so that the boot fails at once. */
    protected abstract boolean deploymentFailed(String log);

    protected abstract String serverName();

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        coverage = CoverageAgent.fromBuild().orElse(null);
        ProcessBuilder builder = new ProcessBuilder(command(coverage == null ? null : coverage.jvmArgument()))
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(serverEnvironment());
        boots++;
        // The log covers this test run only (restarts append), so log assertions never read an earlier run.
        Files.writeString(logFile, "=== boot " + boots + " ===\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                boots == 1 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
        awaitReady();
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        collectCoverage();
        // A launcher script (WildFly's) may not pass the signal on: stop the JVMs under it as well.
        List<ProcessHandle> tree = descendants();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS) || !allExited(tree, 30)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    @Override
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            collectCoverage();
            List<ProcessHandle> tree = descendants();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            allExited(tree, 20);
            process = null;
        }
    }

    private List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    private static boolean allExited(List<ProcessHandle> processes, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void collectCoverage() {
        if (coverage != null && process.isAlive()) {
            coverage.collect();
        }
    }

    @Override
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
                throw new IllegalStateException(serverName() + " exited during boot; log:\n" + tail());
            }
            if (deploymentFailed(log())) {
                throw new IllegalStateException("Deployment failed on " + serverName() + "; log:\n" + tail());
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
        throw new IllegalStateException(serverName() + " was not ready in " + BOOT_TIMEOUT + "; log:\n" + tail());
    }

    private String tail() {
        String log = log();
        return log.length() <= 8000 ? log : log.substring(log.length() - 8000);
    }

    static String required(String property) {
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
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
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
