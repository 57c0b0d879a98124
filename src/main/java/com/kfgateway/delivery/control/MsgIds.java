package com.kfgateway.delivery.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Our own kf/send_msg msgid: "kfg" + base-36 milliseconds + 10 random base-36 characters, at most 32 bytes of
 * {@code [0-9a-zA-Z_-]} as WeCom requires. It is chosen once per part and reused by every retry and resend, so WeCom
 * recognises a repeat of a send whose answer we never saw.
 * <p>
 * Parts that answer a WeCom message get a msgid <em>derived</em> from that message's msgid, the kind and the part
 * number: if the database loses the commit of an answer (a crash before the write reached the disk) and the message
 * is answered again, the new parts carry the same msgids and WeCom delivers nothing twice.
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

    /** "kfd" + base-36 of 128 bits of SHA-256(source msgid, kind, part): at most 28 characters. */
    public static String derived(String sourceMsgid, String kind, int partNo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((sourceMsgid + "\n" + kind + "\n" + partNo)
                    .getBytes(StandardCharsets.UTF_8));
            byte[] first128 = new byte[16];
            System.arraycopy(hash, 0, first128, 0, 16);
            return "kfd" + new BigInteger(1, first128).toString(36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean valid(String msgid) {
        return msgid != null && !msgid.isEmpty() && msgid.length() <= MAX_BYTES
                && msgid.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
    }
}
