package com.kfgateway.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings the schema to the newest migration in {@code sql/} before anything else touches the database.
 *
 * <p>The WAR defines no data source of its own: the server provides {@link #DATA_SOURCE}, set up from
 * server-config/ (Payara's post-boot commands, WildFly's CLI script), by default an embedded H2 file, elsewhere
 * where {@code DB_URL} and its siblings say. A definition inside the WAR cannot serve every server: WildFly starts
 * an EclipseLink persistence unit before it binds the data sources a deployment defines, and Payara resolves its
 * {@code ${MPCONFIG=…}} values only in its own descriptors.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    /** The server's name for the product's database (WildFly maps it in WEB-INF/jboss-web.xml). */
    public static final String DATA_SOURCE = "jdbc/kf-gateway";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
        migratedTo = latestVersion();
    }

    private volatile String migratedTo;

    /** The version start-up migrated the database to: this WAR's newest migration (null before that). */
    public String migratedTo() {
        return migratedTo;
    }

    /**
     * Whether the database answers within {@code seconds}; false, never an exception, when it does not (the
     * failure's kind is logged, not its message, which may carry the URL).
     */
    public boolean answers(int seconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(seconds);
        } catch (SQLException | RuntimeException e) {
            LOG.fine(() -> "the database did not answer: " + e.getClass().getSimpleName());
            return false;
        }
    }

    /** Whether the database is still at least at the version start-up migrated it to. */
    public boolean current() {
        String now = latestVersion();
        return migratedTo != null && now != null
                && MigrationVersion.fromVersion(now).compareTo(MigrationVersion.fromVersion(migratedTo)) >= 0;
    }

    /**
     * The newest migration the database has applied successfully, read now (a node with a newer WAR may have moved
     * it on; an old backup restored moves it back).
     */
    public String latestVersion() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT \"version\" FROM"
                        + " \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\" DESC");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("the schema version could not be read: " + e.getSQLState(), e);
        }
    }
}
