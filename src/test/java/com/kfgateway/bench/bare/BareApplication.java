package com.kfgateway.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bare endpoint WAR's JAX-RS root, the same {@code /api} as the product's. */
@ApplicationPath("api")
public class BareApplication extends Application {
}
