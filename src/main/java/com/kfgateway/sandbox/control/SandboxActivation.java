package com.kfgateway.sandbox.control;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Decides whether this process runs in sandbox mode, from environment variables and system properties only: the
 * decision is needed by a MicroProfile ConfigSource, before CDI and before the configuration itself can be asked.
 * <p>
 * On when {@code SANDBOX_ENABLED} / {@code sandbox.enabled} is {@code true}; off when it is {@code false}; otherwise
 * on exactly when no corp id is configured ({@code WECOM_CORP_ID} / {@code wecom.corp-id} unset or blank).
 * A system property wins over the environment variable, as in MicroProfile Config.
 */
public final class SandboxActivation {

    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> systemProperties;

    public SandboxActivation(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** The decision for this process. */
    public static SandboxActivation ofProcess() {
        return new SandboxActivation(System::getenv, System::getProperty);
    }

    public boolean active() {
        String explicit = value("sandbox.enabled", "SANDBOX_ENABLED");
        if (explicit != null) {
            return explicit.toLowerCase(Locale.ROOT).equals("true");
        }
        return value("wecom.corp-id", "WECOM_CORP_ID") == null;
    }

    /** Where the simulator delivers callbacks when the operator says so (a proxy, another port); else null. */
    public String configuredCallbackUrl() {
        return value("sandbox.callback-url", "SANDBOX_CALLBACK_URL");
    }

    private String value(String property, String variable) {
        String value = systemProperties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
