package com.kfgateway.it;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database an integration test run uses: the embedded H2 file (the default) or PostgreSQL 15
 * ({@code -Dkfgateway.it.database=postgres}, which {@code mvn verify} runs as a second pass of the whole suite). On
 * PostgreSQL one throwaway cluster serves the test JVM ({@link ThrowawayPostgres}, started on first use, stopped at
 * exit), and every gateway a test boots gets an empty database of its own in it, as it gets an empty H2 file:
 * nothing one test class leaves behind is seen by the next.
 */
public final class ItDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static ThrowawayPostgres cluster;

    private ItDatabase() {
    }

    public static boolean postgres() {
        String chosen = System.getProperty("kfgateway.it.database", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "h2", "" -> false;
            case "postgres", "postgresql" -> true;
            default -> throw new IllegalArgumentException("kfgateway.it.database is h2 or postgres, not " + chosen);
        };
    }

    /** The product's settings for a new, empty database that belongs to the gateway in {@code workDir}. */
    public static Map<String, String> fresh(Path workDir) throws IOException, InterruptedException {
        if (!postgres()) {
            PayaraProcess.deleteRecursively(workDir.resolve("db"));
            // WRITE_DELAY=0: durable commits, so a crash test cannot lose an answered message.
            return Map.of("DB_URL", "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db/kf-gateway")
                    + ";WRITE_DELAY=0");
        }
        return freshDatabaseIn(cluster());
    }

    /** An empty database of its own in {@code postgres}; the product's settings for it. */
    public static Map<String, String> freshDatabaseIn(ThrowawayPostgres postgres) throws IOException {
        String name = "kf_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), ThrowawayPostgres.USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IOException("could not create database " + name + " on port " + postgres.port(), e);
        }
        Map<String, String> env = new HashMap<>(postgres.productEnv());
        env.put("DB_URL", postgres.jdbcUrl(name));
        return env;
    }

    /** The cluster this JVM's tests share, started on first use beside the shared gateway's work directory. */
    static synchronized ThrowawayPostgres cluster() throws IOException, InterruptedException {
        if (cluster == null) {
            cluster = ThrowawayPostgres.start(GatewayBuilder.sharedWorkDir().resolveSibling("postgres"));
            // The shutdown hook ThrowawayPostgres registers stops it when the test JVM ends.
            System.setProperty("kfgateway.it.addlibs", ThrowawayPostgres.driverJar().toString());
        }
        return cluster;
    }

    /**
     * A cluster that belongs to one test, which may stop and start it (the outage test); under the shared gateway's
     * work directory's sibling {@code name}. The caller closes it.
     */
    public static ThrowawayPostgres ownCluster(String name) throws IOException, InterruptedException {
        ThrowawayPostgres own = ThrowawayPostgres.start(GatewayBuilder.sharedWorkDir().resolveSibling(name));
        System.setProperty("kfgateway.it.addlibs", ThrowawayPostgres.driverJar().toString());
        return own;
    }

    /** What a test's server needs beyond its settings: the JDBC driver, on PostgreSQL. */
    static void prepareServer() throws IOException, InterruptedException {
        if (postgres()) {
            cluster();
        }
    }
}
