package com.kfgateway.sandbox.control;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In sandbox mode, the product's WeCom settings point at the built-in simulator: its random corp and its loopback
 * address. Outside sandbox mode this source is empty and the real configuration applies untouched. Registered through
 * META-INF/services (it must answer before CDI exists); its ordinal is above system properties (400) and environment
 * variables (300) so an explicit {@code sandbox.enabled=true} wins over a half-configured corp.
 */
public class SandboxConfigSource implements ConfigSource {

    static final int ORDINAL = 500;

    private static final Map<String, Function<SandboxWeCom, String>> VALUES = Map.of(
            "wecom.corp-id", sandbox -> sandbox.corp().corpId(),
            "wecom.secret", sandbox -> sandbox.corp().appSecret(),
            "wecom.agent-id", sandbox -> String.valueOf(sandbox.corp().agentId()),
            "wecom.kf-secret", sandbox -> sandbox.corp().kfSecret(),
            "wecom.callback-token", sandbox -> sandbox.corp().callbackToken(),
            "wecom.callback-aes-key", sandbox -> sandbox.corp().callbackAesKey(),
            "wecom.api-base", sandbox -> sandbox.apiBase().toString());

    private final boolean active;

    /** For ServiceLoader: decides from this process's environment. */
    public SandboxConfigSource() {
        this(SandboxActivation.ofProcess().active());
    }

    SandboxConfigSource(boolean active) {
        this.active = active;
    }

    @Override
    public Set<String> getPropertyNames() {
        return active ? VALUES.keySet() : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        Function<SandboxWeCom, String> value = VALUES.get(propertyName);
        if (!active || value == null) {
            return null;
        }
        return value.apply(SandboxWeCom.get());
    }

    @Override
    public String getName() {
        return "KF Gateway sandbox (built-in WeCom simulator)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
