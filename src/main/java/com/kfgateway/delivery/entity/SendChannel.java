package com.kfgateway.delivery.entity;

/** How a part goes out: kf/send_msg (counts against the customer's quota), or kf/send_msg_on_event with a code. */
public enum SendChannel {
    SEND_MSG, SEND_MSG_ON_EVENT
}
