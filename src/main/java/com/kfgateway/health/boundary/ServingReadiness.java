package com.kfgateway.health.boundary;

import com.kfgateway.database.SchemaMigration;
import com.kfgateway.wecom.control.WeComConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to take traffic when the schema is at this WAR's version and the callback can be verified and decrypted
 * (WECOM_CALLBACK_TOKEN and a 43-character WECOM_CALLBACK_AES_KEY). What WeCom thinks of the secrets is left out on
 * purpose: a node taken out of the load balancer for a wrong secret would lose the callback as well.
 */
@Readiness
@ApplicationScoped
public class ServingReadiness implements HealthCheck {

    @Inject
    SchemaMigration schema;

    @Inject
    WeComConfig config;

    @Override
    public HealthCheckResponse call() {
        boolean schemaCurrent;
        try {
            schemaCurrent = schema.current();
        } catch (RuntimeException e) {
            schemaCurrent = false;
        }
        boolean callback = config.callbackUsable();
        return HealthCheckResponse.named("serving").status(schemaCurrent && callback)
                .withData("schema", schemaCurrent ? "migrated to " + schema.migratedTo() : "not at this version")
                .withData("callback", callback ? "configured"
                        : "WECOM_CALLBACK_TOKEN or WECOM_CALLBACK_AES_KEY missing or malformed")
                .build();
    }
}
