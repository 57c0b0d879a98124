package com.kfgateway.sandbox.entity;

/** Which of the simulator's misconfiguration and routing switches are on. */
public record SimulatorSwitches(boolean kfSecretWithoutKfRights, boolean wrongCorpId, boolean kfSecretReset,
        boolean untrustedIp,
        boolean callbackTokenMismatch, boolean callbackAesKeyMismatch, boolean callbacksLost,
        boolean routeToOnlineServicers) {
}
