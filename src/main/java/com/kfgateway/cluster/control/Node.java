package com.kfgateway.cluster.control;

import com.kfgateway.database.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This node: its name in the leases, and whether the database can be shared with another node at all. The name
 * stays the same across restarts (CLUSTER_NODE_NAME, or the host name and a digest of the working directory, which
 * holds the node's own ./data): a node that restarts after a crash takes its previous life's leases back at once
 * instead of waiting for them to run out, since that life's work is dead. Two nodes running at once must therefore
 * never share a name, which separate working directories already ensure.
 */
@ApplicationScoped
public class Node {

    private static final Logger LOG = Logger.getLogger(Node.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ClusterConfig config;

    private volatile String name;
    private volatile Boolean alone;

    public Node() {
    }

    /** A node of a test: its name, and whether it is alone (null: ask the database). */
    Node(String name, Boolean alone) {
        this.name = name;
        this.alone = alone;
    }

    public String name() {
        String known = name;
        if (known == null) {
            known = config.nodeName().orElseGet(() -> defaultName(hostName(), Path.of("").toAbsolutePath()));
            name = known;
        }
        return known;
    }

    static String defaultName(String host, Path workingDirectory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(workingDirectory.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return host + "/" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * True when the database is an embedded H2 file or memory database: H2 locks the file for the one process that
     * opened it, so no other node can be there. A server mode URL (tcp, AUTO_SERVER) or any other database may be
     * shared.
     */
    public boolean alone() {
        Boolean known = alone;
        if (known == null) {
            known = embedded(url());
            alone = known;
            boolean shared = !known;
            LOG.info(() -> "Node " + name() + (shared ? ": the database may be shared, work is leased in it"
                    : ": the embedded database is this node's alone"));
        }
        return known;
    }

    static boolean embedded(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        boolean h2 = url.startsWith("jdbc:h2:");
        String rest = h2 ? url.substring("jdbc:h2:".length()) : "";
        boolean server = rest.startsWith("tcp:") || rest.startsWith("ssl:") || url.contains(";auto_server=true");
        return h2 && !server;
    }

    private String url() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be reached to learn its URL", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
