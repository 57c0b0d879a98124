package com.kfgateway.sandbox.control;

import com.kfgateway.doctor.entity.SetupMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Decides, once per application, whether the built-in simulator plays WeCom (sandbox mode). It reads every
 * MicroProfile Config source but the sandbox's own (environment in any spelling MicroProfile maps, system properties,
 * microprofile-config.properties, the server's config and secrets sources), because the sandbox's source answers
 * with the simulator's values and must not vote on whether it may.
 * <p>
 * On only when nothing of a real installation is configured: no WeCom setting of a real corp ({@link #CREDENTIALS}),
 * no name that looks like a misspelt one (such as {@code WECOM_CORPID}), the built-in H2 database (another
 * {@code DB_URL} needs {@code SANDBOX_ENABLED=true}), and {@code SANDBOX_ENABLED} not set to anything but
 * {@code true}. {@code SANDBOX_ENABLED=true} never wins over a WeCom setting: the simulator must not answer for a
 * real corp. Anything that looks like a mistake is logged as SEVERE and shown by the setup doctor.
 */
public final class SandboxActivation {

    /** A real corp's WeCom settings (key → environment variable); each one configured means a real corp is meant. */
    private static final Map<String, String> CREDENTIALS = credentials();
    /** The one credential with a default (WeCom's own address), so a corp may leave it unset. */
    private static final String OPTIONAL = "WECOM_API_BASE";
    /** WeCom settings that are no credential, so they do not keep the sandbox off. */
    private static final Set<String> TUNING = Set.of("WECOM_HTTP_TIMEOUT_SECONDS");
    /** The answer while the decision is being made: see {@link #ofProcess()}. */
    private static final SandboxActivation UNDECIDED = new SandboxActivation(
            new SetupMode(false, List.of(), List.of(), List.of(), null, false), null, List.of());
    private static final String DEFAULT_DATABASE = "jdbc:h2:file:./data/kf-gateway";
    private static final Logger LOG = Logger.getLogger(SandboxActivation.class.getName());

    private static SandboxActivation decided;
    private static boolean deciding;

    private final SetupMode mode;
    private final String callbackUrl;
    private final List<String> problems;

    private SandboxActivation(SetupMode mode, String callbackUrl, List<String> problems) {
        this.mode = mode;
        this.callbackUrl = callbackUrl;
        this.problems = problems;
    }

    /**
     * The decision for this application, made on first use from the application's configuration. The decision reads
     * the other sources directly and never looks a value up through the Config, so the sandbox's source is not asked
     * for its own opinion. A server that builds the Config on this first use may still ask the sandbox's source (for
     * its property names, say) on this thread: that nested question finds the sandbox off instead of recursing.
     */
    public static synchronized SandboxActivation ofProcess() {
        if (decided != null) {
            return decided;
        }
        if (deciding) {
            return UNDECIDED;
        }
        deciding = true;
        try {
            SandboxActivation decision = of(ConfigProvider.getConfig(SandboxActivation.class.getClassLoader())
                    .getConfigSources());
            decision.problems().forEach(LOG::severe);
            decision.notice().ifPresent(LOG::warning);
            decided = decision;
            return decision;
        } finally {
            deciding = false;
        }
    }

    /** The decision these configuration sources mean; sandbox sources among them are ignored. */
    static SandboxActivation of(Iterable<ConfigSource> sources) {
        ConfiguredSettings settings = ConfiguredSettings.of(sources);
        Set<String> configured = new LinkedHashSet<>();
        CREDENTIALS.forEach((key, variable) -> {
            if (settings.value(key) != null) {
                configured.add(variable);
            }
        });
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : settings.names()) {
            String variable = ConfiguredSettings.variableOf(name);
            if (CREDENTIALS.containsValue(variable)) {
                configured.add(variable);
            } else if (variable.startsWith("WECOM_") && !TUNING.contains(variable)) {
                unknown.add(name);
            }
        }
        return decide(configured, unknown, settings.value("sandbox.enabled"), settings.value("db.url"),
                settings.value("sandbox.callback-url"));
    }

    private static SandboxActivation decide(Set<String> configured, Set<String> unknown, String enabled,
            String databaseUrl, String callbackUrl) {
        List<String> set = CREDENTIALS.values().stream().filter(configured::contains).toList();
        List<String> missing = CREDENTIALS.values().stream()
                .filter(variable -> !configured.contains(variable) && !variable.equals(OPTIONAL)).toList();
        List<String> unknownNamed = unknown.stream().map(SandboxActivation::withLikelyMeaning).toList();
        boolean forced = "true".equalsIgnoreCase(enabled);
        boolean customDatabase = databaseUrl != null && !databaseUrl.equals(DEFAULT_DATABASE)
                && !databaseUrl.startsWith(DEFAULT_DATABASE + ";");
        boolean active = (enabled == null || forced) && set.isEmpty() && unknown.isEmpty()
                && (forced || !customDatabase);
        List<String> problems = new ArrayList<>();
        if (!unknownNamed.isEmpty()) {
            problems.add("Sandbox mode is OFF: " + String.join(", ", unknownNamed) + " looks like a WeCom setting, "
                    + "but KF Gateway has no setting of that name and ignores it. Rename it (see "
                    + "server-config/env.example), or remove it to use the sandbox.");
        }
        if (!set.isEmpty() && forced) {
            problems.add("SANDBOX_ENABLED=true is IGNORED: WeCom settings are configured (" + String.join(", ", set)
                    + "), and the built-in simulator never plays WeCom for a real corp.");
        }
        if (!set.isEmpty() && !missing.isEmpty()) {
            problems.add("Sandbox mode is OFF because WeCom settings are configured (" + String.join(", ", set)
                    + "), but " + String.join(", ", missing) + " are not: the product cannot talk to WeCom until "
                    + "every one is set (remove them all to use the sandbox instead).");
        }
        SetupMode mode = new SetupMode(active, set, missing, unknownNamed, enabled, customDatabase);
        return new SandboxActivation(mode, callbackUrl, List.copyOf(problems));
    }

    public boolean active() {
        return mode.sandbox();
    }

    /** Why the sandbox is off although nothing of a corp is configured: another database. */
    Optional<String> notice() {
        if (active() || !problems.isEmpty() || !mode.customDatabase() || !mode.credentialsSet().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Sandbox mode is off: no WeCom corp is configured, but DB_URL names another database "
                + "than the built-in H2 file (set SANDBOX_ENABLED=true to run the sandbox on it).");
    }

    /** What the decision saw and concluded, for the setup doctor (names only, never values). */
    public SetupMode mode() {
        return mode;
    }

    /** Where the simulator delivers callbacks when the operator says so (a proxy, another port); else null. */
    public String configuredCallbackUrl() {
        return callbackUrl;
    }

    /** The configuration mistakes this decision found, one sentence each (the start-up log's SEVERE lines). */
    List<String> problems() {
        return problems;
    }

    /** WECOM_CORPID → "WECOM_CORPID (WECOM_CORP_ID?)" when only underscores tell them apart. */
    private static String withLikelyMeaning(String name) {
        String squeezed = ConfiguredSettings.variableOf(name).replace("_", "");
        return CREDENTIALS.values().stream().filter(v -> v.replace("_", "").equals(squeezed)).findFirst()
                .map(meant -> name + " (" + meant + "?)").orElse(name);
    }

    private static Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String key : List.of("wecom.corp-id", "wecom.secret", "wecom.agent-id", "wecom.kf-secret",
                "wecom.callback-token", "wecom.callback-aes-key", "wecom.api-base")) {
            credentials.put(key, ConfiguredSettings.variableOf(key));
        }
        return Collections.unmodifiableMap(credentials);
    }
}
