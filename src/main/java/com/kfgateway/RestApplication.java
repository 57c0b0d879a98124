package com.kfgateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Every JAX-RS resource of KF Gateway lives under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {

    /**
     * A 4xx from a resource goes out exactly as built (an empty body for rejected callbacks) instead of the
     * server's HTML error page, which would tell a prober which server runs here. Jersey's key; others ignore it.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
