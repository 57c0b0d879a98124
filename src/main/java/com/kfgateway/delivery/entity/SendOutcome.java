package com.kfgateway.delivery.entity;

/**
 * What became of a send the console asked for: {@code accepted} when WeCom took it (or it is queued for a retry),
 * else {@code reason} says why not, readable for staff (the catalogue's explanation for an errcode).
 */
public record SendOutcome(boolean accepted, Long entryId, SendStatus status, Integer errcode, String reason) {

    public static SendOutcome refused(Long entryId, SendStatus status, String reason) {
        return new SendOutcome(false, entryId, status, null, reason);
    }
}
