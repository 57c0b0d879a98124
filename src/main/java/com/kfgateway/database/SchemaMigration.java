package com.kfgateway.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

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
    }
}
