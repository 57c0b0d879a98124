package com.kfgateway.assistant.entity;

import java.util.List;

/**
 * What the assistant is asked: the customer's new message and the turns before it, oldest first. The history does
 * not repeat {@code customerText}.
 */
public record Question(String conversationKey, String customerText, List<Turn> history) {

    public Question {
        customerText = customerText == null ? "" : customerText;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Question(String conversationKey, String customerText) {
        this(conversationKey, customerText, List.of());
    }

    /** The KF account asked: the conversation key is {@code open_kfid/external_userid}. */
    public String openKfid() {
        int slash = conversationKey == null ? -1 : conversationKey.indexOf('/');
        return slash < 0 ? conversationKey : conversationKey.substring(0, slash);
    }
}
