package com.kfgateway.sandbox.control;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In sandbox mode, the product's WeCom settings point at the built-in simulator: its random corp and its loopback
 * address, and the doctor's alerts go to one of its members. Outside sandbox mode this source is empty and the real configuration applies untouched. Registered through
 * META-INF/services (it must answer before CDI exists); its ordinal is above system properties (400) and environment
 * variables (300), so leftovers such as a blank WECOM_CORP_ID cannot mix with the simulator's values. Whether the
 * sandbox is on is decided without this source ({@link SandboxActivation}), and only when a WeCom key is asked for:
 * the Config asks every source for its own keys while it is being built.
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
            "wecom.api-base", sandbox -> sandbox.apiBase().toString(),
            // The doctor's alerts go to a member of the simulated corp, so the WeCom page shows them arriving.
            "doctor.alert-to", sandbox -> SandboxSeed.RECEPTIONIST_ALICE);

    private final Supplier<SandboxActivation> activation;

    /** For ServiceLoader: this application's decision. */
    public SandboxConfigSource() {
        this(SandboxActivation::ofProcess);
    }

    SandboxConfigSource(Supplier<SandboxActivation> activation) {
        this.activation = activation;
    }

    @Override
    public Set<String> getPropertyNames() {
        return activation.get().active() ? VALUES.keySet() : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        Function<SandboxWeCom, String> value = VALUES.get(propertyName);
        if (value == null) {
            return null;
        }
        SandboxActivation decision = activation.get();
        return decision.active() ? value.apply(SandboxWeCom.get(decision)) : null;
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
