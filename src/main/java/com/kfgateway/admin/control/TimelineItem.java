package com.kfgateway.admin.control;

import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendLogEntry;
import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation as the console shows it: something the customer, the bot or staff said, or a system
 * event. Outbound lines carry their send-log part and its attempts; a stored message says how the bot handled it
 * ({@code handling} null for lines that are not a stored message).
 */
public record TimelineItem(Speaker speaker, Instant at, String text, String msgtype, Long messageId,
        boolean hasImage, String servicer, SendLogEntry send, List<SendAttempt> attempts, String handling,
        String handlingNote) {

    public enum Speaker { CUSTOMER, BOT, STAFF, SYSTEM }

    public Speaker getSpeaker() {
        return speaker;
    }

    public Instant getAt() {
        return at;
    }

    public String getText() {
        return text;
    }

    public String getMsgtype() {
        return msgtype;
    }

    public Long getMessageId() {
        return messageId;
    }

    public boolean isHasImage() {
        return hasImage;
    }

    public String getServicer() {
        return servicer;
    }

    public SendLogEntry getSend() {
        return send;
    }

    public List<SendAttempt> getAttempts() {
        return attempts;
    }

    public String getHandling() {
        return handling;
    }

    public String getHandlingNote() {
        return handlingNote;
    }

    public boolean isOutbound() {
        return speaker == Speaker.BOT || speaker == Speaker.STAFF;
    }

    public boolean isResendable() {
        return send != null && send.getStatus() == com.kfgateway.delivery.entity.SendStatus.FAILED;
    }
}
