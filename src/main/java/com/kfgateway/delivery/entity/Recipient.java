package com.kfgateway.delivery.entity;

/**
 * Who a part goes to: the customer of one KF account, and the conversation the sender files it under (the send log
 * groups and orders parts per conversation; delivery never reads the conversation itself).
 */
public record Recipient(long conversationId, String openKfid, String externalUserid) {
}
