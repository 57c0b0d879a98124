package com.kfgateway.sandbox.entity;

/**
 * The one corp a simulator plays: the values the product must be configured with to talk to it.
 * {@code toString} names the corp and agent only; the secrets and keys never leave through it.
 *
 * @param corpId         the CorpID (also the receiveId of every callback)
 * @param appSecret      the self-built app's secret (message/send)
 * @param agentId        that app's agentid
 * @param kfSecret       the secret whose token may call kf/*; equal to appSecret when one app holds both rights
 * @param callbackToken  the callback signing Token
 * @param callbackAesKey the 43-character EncodingAESKey
 */
public record SimulatedCorp(String corpId, String appSecret, int agentId, String kfSecret, String callbackToken,
        String callbackAesKey) {

    @Override
    public String toString() {
        return "SimulatedCorp[corpId=" + corpId + ", agentId=" + agentId + "]";
    }
}
