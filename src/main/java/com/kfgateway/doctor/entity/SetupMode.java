package com.kfgateway.doctor.entity;

import java.util.List;

/**
 * Which WeCom the product talks to and what in the configuration decided it: a real corp, or the built-in simulator
 * of sandbox mode. Names only (environment variable names such as WECOM_CORP_ID), never values.
 *
 * @param sandbox            whether the built-in simulator plays WeCom
 * @param credentialsSet     the WeCom settings configured, by variable name
 * @param credentialsMissing the required WeCom settings not configured
 * @param unknownSettings    names that look like WeCom settings but are none (e.g. {@code WECOM_CORPID}), each with
 *                           the setting it probably means in brackets when only underscores tell them apart
 * @param sandboxEnabled     {@code SANDBOX_ENABLED} as configured, null when unset
 * @param customDatabase     {@code DB_URL} names another database than the built-in H2 file
 */
public record SetupMode(boolean sandbox, List<String> credentialsSet, List<String> credentialsMissing,
        List<String> unknownSettings, String sandboxEnabled, boolean customDatabase) {

    public SetupMode {
        credentialsSet = List.copyOf(credentialsSet);
        credentialsMissing = List.copyOf(credentialsMissing);
        unknownSettings = List.copyOf(unknownSettings);
    }
}
