package com.kfgateway.conversation.entity;

/** WeCom's session states (kf/service_state). Only NEW and BOT let the API send. */
public enum ServiceState {
    NEW(0), BOT(1), QUEUED(2), HUMAN(3), ENDED(4);

    private final int code;

    ServiceState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean botMaySend() {
        return this == NEW || this == BOT;
    }

    public static ServiceState of(int code) {
        for (ServiceState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown service_state " + code);
    }
}
