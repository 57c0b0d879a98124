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
}
