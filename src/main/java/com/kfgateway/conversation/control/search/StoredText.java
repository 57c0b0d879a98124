package com.kfgateway.conversation.control.search;

import java.time.Instant;

/** One message row as the index reads it; text and conversation may be null (events, images). */
record StoredText(long id, Long conversationId, String text, Instant storedAt) {

    boolean searchable() {
        return conversationId != null && text != null && !text.isEmpty();
    }
}
