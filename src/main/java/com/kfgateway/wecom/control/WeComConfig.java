package com.kfgateway.wecom.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every WeCom setting, read once. Values may be missing or malformed: the server still starts (so the console can
 * show what is wrong) and {@link #problems()} names each variable and what is wrong with it, never its value.
 */
@ApplicationScoped
public class WeComConfig {

    private static final String AES_KEY_FORM = "[A-Za-z0-9]{43}";

    public static final String DEFAULT_API_BASE = "https://qyapi.weixin.qq.com";
    /** WeCom's largest media, a file: sync_msg turns anything larger into a text notice. */
    public static final long DEFAULT_MEDIA_MAX_BYTES = 20L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "wecom.corp-id")
    Optional<String> corpId;

    @Inject
    @ConfigProperty(name = "wecom.secret")
    Optional<String> appSecret;

    @Inject
    @ConfigProperty(name = "wecom.agent-id")
    Optional<String> agentId;

    @Inject
    @ConfigProperty(name = "wecom.kf-secret")
    Optional<String> kfSecret;

    @Inject
    @ConfigProperty(name = "wecom.callback-token")
    Optional<String> callbackToken;

    @Inject
    @ConfigProperty(name = "wecom.callback-aes-key")
    Optional<String> callbackAesKey;

    @Inject
    @ConfigProperty(name = "wecom.api-base", defaultValue = DEFAULT_API_BASE)
    String apiBase;

    /** How long one WeCom call may take to answer once connected. */
    @Inject
    @ConfigProperty(name = "wecom.http-timeout-seconds", defaultValue = "10")
    int httpTimeoutSeconds = 10;

    /** Read as text so a malformed value is a problem to report, not a failed deployment. */
    @Inject
    @ConfigProperty(name = "wecom.media-max-bytes")
    Optional<String> mediaMaxBytes = Optional.empty();

    public WeComConfig() {
    }

    /** For tests and the sandbox: a config with explicit values. */
    public WeComConfig(String corpId, String appSecret, String agentId, String kfSecret, String callbackToken,
            String callbackAesKey, String apiBase) {
        this.corpId = Optional.ofNullable(corpId);
        this.appSecret = Optional.ofNullable(appSecret);
        this.agentId = Optional.ofNullable(agentId);
        this.kfSecret = Optional.ofNullable(kfSecret);
        this.callbackToken = Optional.ofNullable(callbackToken);
        this.callbackAesKey = Optional.ofNullable(callbackAesKey);
        this.apiBase = apiBase == null ? DEFAULT_API_BASE : apiBase;
    }

    public String corpId() {
        return trimmed(corpId);
    }

    public String appSecret() {
        return trimmed(appSecret);
    }

    public String kfSecret() {
        return trimmed(kfSecret);
    }

    public String callbackToken() {
        return trimmed(callbackToken);
    }

    public String callbackAesKey() {
        return trimmed(callbackAesKey);
    }

    /** Both callback settings are set, and the EncodingAESKey has WeCom's form (43 letters or digits). */
    public boolean callbackUsable() {
        String aesKey = callbackAesKey();
        return callbackToken() != null && aesKey != null && aesKey.matches(AES_KEY_FORM);
    }

    /** The agent id as an integer, or {@code null} when unset or not a number. */
    public Integer agentId() {
        try {
            String value = trimmed(agentId);
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String apiBase() {
        String base = apiBase == null || apiBase.isBlank() ? DEFAULT_API_BASE : apiBase.trim();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Duration httpTimeout() {
        return Duration.ofSeconds(Math.max(1, httpTimeoutSeconds));
    }

    /** The longest one WeCom call can take before it has an outcome: connecting, then its whole-exchange deadline. */
    public Duration longestCall() {
        return WeComHttp.CONNECT_TIMEOUT.plus(httpTimeout().multipliedBy(WeComHttp.JSON_DEADLINE_TIMEOUTS));
    }

    /** The most a media/get download may be; the default when unset or malformed. */
    public long mediaMaxBytes() {
        Long value = positive(trimmed(mediaMaxBytes));
        return value == null ? DEFAULT_MEDIA_MAX_BYTES : value;
    }

    public boolean corpConfigured() {
        return corpId() != null;
    }

    /** One line per problem: the variable, then what is wrong. Empty when the configuration is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        require(problems, "WECOM_CORP_ID", corpId(), "the corp id (我的企业 → 企业ID)");
        require(problems, "WECOM_KF_SECRET", kfSecret(), "the secret used for every kf/* call");
        require(problems, "WECOM_CALLBACK_TOKEN", callbackToken(), "the callback Token set in the receive-message "
                + "settings");
        String aesKey = callbackAesKey();
        if (aesKey == null) {
            problems.add(
                    "WECOM_CALLBACK_AES_KEY is not set: the 43-character EncodingAESKey from the callback settings");
        } else if (!aesKey.matches(AES_KEY_FORM)) {
            problems.add("WECOM_CALLBACK_AES_KEY is malformed: it must be exactly 43 letters or digits (it has "
                    + aesKey.length() + " characters"
                    + (aesKey.matches("[A-Za-z0-9]*") ? "" : ", some not letters or digits")
                    + ")");
        }
        require(problems, "WECOM_SECRET", appSecret(), "the self-built app's secret, used to notify staff");
        String agent = trimmed(agentId);
        if (agent == null) {
            problems.add("WECOM_AGENT_ID is not set: the self-built app's AgentId, used to notify staff");
        } else if (agentId() == null) {
            problems.add("WECOM_AGENT_ID is malformed: it must be a whole number (the app's AgentId)");
        }
        String corp = corpId();
        if (corp != null && !corp.matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add("WECOM_CORP_ID is malformed: a corp id is letters and digits, usually starting with ww or wx");
        }
        String mediaMax = trimmed(mediaMaxBytes);
        if (mediaMax != null && positive(mediaMax) == null) {
            problems.add("WECOM_MEDIA_MAX_BYTES is malformed: it must be a positive number of bytes (default "
                    + DEFAULT_MEDIA_MAX_BYTES + ")");
        }
        try {
            URI base = URI.create(apiBase());
            if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
                problems.add("WECOM_API_BASE is malformed: it must be an http(s) URL such as " + DEFAULT_API_BASE);
            }
        } catch (IllegalArgumentException e) {
            problems.add("WECOM_API_BASE is malformed: it must be an http(s) URL such as " + DEFAULT_API_BASE);
        }
        return problems;
    }

    private static void require(List<String> problems, String variable, String value, String what) {
        if (value == null) {
            problems.add(variable + " is not set: " + what);
        }
    }

    private static Long positive(String value) {
        try {
            long parsed = value == null ? 0 : Long.parseLong(value);
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trimmed(Optional<String> value) {
        return value == null ? null : value.map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }
}
