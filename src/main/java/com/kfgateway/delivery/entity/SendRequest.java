package com.kfgateway.delivery.entity;

/**
 * What the sender says about a send when planning it: to whom, which customer message it answers (its id and
 * WeCom msgid, from which our own msgid is derived so a re-answer after a crash cannot double), what kind it is,
 * and which staff member asked for it (null for the bot).
 */
public record SendRequest(Recipient recipient, Long answersMessageId, String answersMsgid, SendKind kind,
        String requestedBy) {
}
