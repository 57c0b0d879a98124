package com.kfgateway.delivery.control;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Our own kf/send_msg msgid: "kfg" + base-36 milliseconds + 10 random base-36 characters, at most 32 bytes of
 * {@code [0-9a-zA-Z_-]} as WeCom requires. It is chosen once per part and reused by every retry and resend, so WeCom
 * recognises a repeat of a send whose answer we never saw.
 */
public final class MsgIds {

    public static final int MAX_BYTES = 32;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MsgIds() {
    }

    public static String next() {
        return next(Instant.now());
    }

    static String next(Instant now) {
        StringBuilder id = new StringBuilder("kfg").append(Long.toString(now.toEpochMilli(), 36));
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean valid(String msgid) {
        return msgid != null && !msgid.isEmpty() && msgid.length() <= MAX_BYTES
                && msgid.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
    }
}
