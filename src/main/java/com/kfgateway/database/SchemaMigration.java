package com.kfgateway.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
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
 * <p>The data source defaults to an embedded H2 file under {@code ./data}; {@code DB_URL}, {@code DB_USER},
 * {@code DB_PASSWORD} and {@code DB_DATASOURCE_CLASS} point it elsewhere (Payara resolves {@code ${MPCONFIG=…}}
 * at deploy time; other servers define {@code java:app/jdbc/kf-gateway} themselves, see server-config/).
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "${MPCONFIG=db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
        url = "${MPCONFIG=db.url:jdbc:h2:file:./data/kf-gateway;WRITE_DELAY=0}",
        user = "${MPCONFIG=db.user:sa}",
        password = "${MPCONFIG=db.password:}",
        minPoolSize = 2,
        maxPoolSize = 20)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/kf-gateway";
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
