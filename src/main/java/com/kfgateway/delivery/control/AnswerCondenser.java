package com.kfgateway.delivery.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits an answer into the sends WeCom still allows (5 per customer message within 48 h): parts that fit are kept,
 * and when some must go the last kept part ends with a short notice, so the customer knows the answer was cut
 * instead of the send failing at part 6.
 */
public final class AnswerCondenser {

    public static final String SHORTENED_NOTICE = "…（回复过长，已截断 / answer shortened）";

    private final TextSplitter splitter;

    public AnswerCondenser() {
        this(new TextSplitter());
    }

    AnswerCondenser(TextSplitter splitter) {
        this.splitter = splitter;
    }

    /** The parts to send, at most {@code sendsLeft}; empty when nothing may be sent or the text is blank. */
    public List<String> parts(String text, int sendsLeft) {
        List<String> parts = splitter.split(text);
        if (parts.size() <= sendsLeft) {
            return parts;
        }
        if (sendsLeft <= 0) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(parts.subList(0, sendsLeft - 1));
        int room = TextSplitter.MAX_TEXT_BYTES - TextSplitter.utf8Bytes(SHORTENED_NOTICE);
        String last = new TextSplitter(room).first(parts.get(sendsLeft - 1));
        kept.add(last + SHORTENED_NOTICE);
        return List.copyOf(kept);
    }
}
