package com.kfgateway.admin.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the inbox order (last_message_at, id), as an opaque URL-safe token. Paging by position instead of
 * OFFSET keeps every page equally cheap at 100,000 conversations and does not skip or repeat rows when new messages
 * arrive between two pages.
 */
public record KeysetCursor(Instant at, long id) {

    public String encode() {
        String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Anything that is not a token this class wrote is treated as "no cursor" (the first page). */
    public static Optional<KeysetCursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 80) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            long nano = Long.parseLong(parts[1]);
            if (nano < 0 || nano > 999_999_999) {
                return Optional.empty();
            }
            return Optional.of(new KeysetCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), nano),
                    Long.parseLong(parts[2])));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
