package com.kfgateway.conversation.entity;

/**
 * What became of a session transfer: {@code done} with the state now in effect and WeCom's msg_code for a notice
 * (null when it gave none), else the state that stays, the errcode when WeCom answered one, and why.
 */
public record TransferOutcome(boolean done, ServiceState state, Integer errcode, String reason, String msgCode) {

    public static TransferOutcome refused(ServiceState state, String reason) {
        return new TransferOutcome(false, state, null, reason, null);
    }
}
