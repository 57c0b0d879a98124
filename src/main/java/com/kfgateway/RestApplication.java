package com.kfgateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every JAX-RS resource of KF Gateway lives under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
