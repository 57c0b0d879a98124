package com.kfgateway.health.boundary;

import com.kfgateway.database.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the database answers: without it nothing is stored, answered or sent. */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    /** Asks through the bean that owns the data source, so the server resolves its name once. */
    @Inject
    SchemaMigration database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(database.answers(TIMEOUT_SECONDS)).build();
    }
}
