package com.kfgateway.wecom.control;

/**
 * Which secret an access token is fetched with. WeCom scopes a token to the app whose secret fetched it, so the
 * choice decides which APIs the token may call.
 */
public enum Credential {

    /** The self-built app's secret: {@code message/send} to notify staff. */
    APP("WECOM_SECRET"),

    /** The secret of the app configured for 微信客服: every {@code kf/*} call and {@code media/get}. */
    KF("WECOM_KF_SECRET");

    private final String secretVariable;

    Credential(String secretVariable) {
        this.secretVariable = secretVariable;
    }

    /** The environment variable holding this credential's secret, for messages that must never show the secret. */
    public String secretVariable() {
        return secretVariable;
    }

    String secret(WeComConfig config) {
        return this == APP ? config.appSecret() : config.kfSecret();
    }

    /** The secret's fingerprint, the only form in which it may be shown or stored beside a send. */
    public String fingerprint(WeComConfig config) {
        return SecretFingerprint.of(secret(config));
    }

    public boolean configured(WeComConfig config) {
        return config.corpId() != null && secret(config) != null;
    }
}
