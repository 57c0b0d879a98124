package com.kfgateway.assistant.entity;

/** Who wrote a turn of the conversation. */
public enum Role {
    CUSTOMER,
    /** The automatic assistant (rules or model). */
    ASSISTANT,
    /** A person of the business, writing from the WeCom client or the console. */
    STAFF
}
