package com.kfgateway.wecom.control;

/**
 * The refresh timer could not renew a credential's token: WeCom refused (errcode) or could not be reached (null). The
 * token in use may still be valid for minutes, so nobody notices until it expires; the doctor looks again at once.
 * Fired when a credential starts failing, not on every failed retry.
 */
public record TokenRenewalFailed(Credential credential, Integer errcode) {
}
