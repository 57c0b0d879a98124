package com.kfgateway.delivery.entity;

/** Why we are sending: an assistant answer, a welcome, a queue/handover notice, or staff typing in the console. */
public enum SendKind {
    ANSWER, WELCOME, QUEUE_NOTICE, STAFF_REPLY
}
