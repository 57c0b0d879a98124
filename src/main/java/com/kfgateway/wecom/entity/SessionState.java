package com.kfgateway.wecom.entity;

/** kf/service_state/get: the session's state 0–4 and, in state 3 only, the servicer who has it. */
public record SessionState(int code, String servicerUserid) {
}
