package com.kfgateway.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of its own for one run: {@code initdb} into a fresh directory, {@code pg_ctl start} on a free
 * loopback port (the socket in that directory too, so nothing outside it is touched), one empty database, and
 * {@code pg_ctl stop} on {@link #close()} (and at JVM exit, should the caller not get there). Needs Debian's
 * postgresql-15 binaries on PATH (or {@code kfgateway.it.pg-bin}). PostgreSQL refuses to run as root: when this JVM
 * is root, the cluster belongs to, and runs as, the {@code postgres} user.
 * <p>
 * {@link #productEnv()} is what the product needs to use it (DB_URL, DB_USER, DB_PASSWORD, DB_DATASOURCE_CLASS),
 * and {@link #driverJar()} the JDBC driver to give Payara Micro with {@code --addlibs} (set it as the system property
 * {@code kfgateway.it.addlibs}, which {@link PayaraProcess} reads).
 */
public final class ThrowawayPostgres implements AutoCloseable {

    public static final String DATABASE = "kfgateway";
    public static final String USER = "kfgateway";
    private static final String RUN_AS = "postgres";

    private final Path dir;
    private final int port;
    private final boolean asRoot;
    private final Thread stopAtExit = new Thread(this::stopAndRemove, "throwaway-postgres-stop");
    private boolean running;

    /** True when {@link #dir} is a temporary directory of the cluster's own, removed when it is closed. */
    private final boolean temporary;

    private ThrowawayPostgres(Path dir, int port, boolean asRoot, boolean temporary) {
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
        this.temporary = temporary;
    }

    /**
     * Creates the cluster in {@code dir} (emptied first) and starts it; the caller closes it. As root, the server runs
     * as the postgres user, who must be able to reach the directory: a checkout in a private directory (mktemp -d
     * makes one) is not, so the cluster then lives in a temporary directory of its own, named in {@code dir}.
     */
    public static ThrowawayPostgres start(Path dir) throws IOException, InterruptedException {
        Path requested = dir.toAbsolutePath();
        PayaraProcess.deleteRecursively(requested);
        Files.createDirectories(requested);
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path root = requested;
        if (asRoot && !reachableByOthers(requested)) {
            root = Files.createTempDirectory("kf-gateway-postgres-");
            Files.writeString(requested.resolve("cluster-is-in.txt"), root + "\n", StandardCharsets.UTF_8);
        }
        ThrowawayPostgres postgres = new ThrowawayPostgres(root, PayaraProcess.freePort(), asRoot,
                !root.equals(requested));
        if (asRoot) {
            postgres.run(List.of("chown", RUN_AS, root.toString()), false);
        }
        postgres.run(List.of(bin("initdb"), "-D", postgres.data().toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-locale"), true);
        Runtime.getRuntime().addShutdownHook(postgres.stopAtExit);
        postgres.resume();
        postgres.run(List.of(bin("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(postgres.port), "-U", USER,
                DATABASE), true);
        return postgres;
    }

    /** Starts the server again after {@link #pause()}, on the same port, with everything it had. */
    public synchronized void resume() throws IOException, InterruptedException {
        run(List.of(bin("pg_ctl"), "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t",
                "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), true);
        running = true;
    }

    /** Stops the server at once, as an outage does: open connections are cut, and nothing is lost. */
    public synchronized void pause() throws IOException, InterruptedException {
        run(List.of(bin("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "stop"), true);
        running = false;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The product's database settings for this cluster (trust authentication on loopback: no password). */
    public Map<String, String> productEnv() {
        return Map.of("DB_URL", jdbcUrl(), "DB_USER", USER, "DB_PASSWORD", "",
                "DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
    }

    /** The PostgreSQL JDBC driver jar on this JVM's class path (a test-scope dependency). */
    public static Path driverJar() {
        try {
            return Path.of(Class.forName("org.postgresql.Driver").getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is not on the class path", e);
        }
    }

    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run
        }
    }

    private static boolean reachableByOthers(Path dir) throws IOException {
        for (Path step = dir; step != null; step = step.getParent()) {
            if (!Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    /** Stops the server; a temporary directory of its own goes with it. */
    private void stopAndRemove() {
        stopQuietly();
        if (temporary) {
            try {
                PayaraProcess.deleteRecursively(dir);
            } catch (IOException e) {
                System.err.println("could not remove the throwaway PostgreSQL in " + dir + ": " + e.getMessage());
            }
        }
    }

    private synchronized void stopQuietly() {
        if (!running) {
            return;
        }
        try {
            pause();
        } catch (IOException e) {
            System.err.println("could not stop the throwaway PostgreSQL in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        full.addAll(command);
        Path out = dir.resolve("commands.log");
        Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
        if (process.exitValue() != 0) {
            throw new IOException("failed (" + process.exitValue() + "): " + String.join(" ", full) + "\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
    }

    private static String bin(String tool) {
        String dir = System.getProperty("kfgateway.it.pg-bin");
        return dir == null ? tool : Path.of(dir, tool).toString();
    }
}
