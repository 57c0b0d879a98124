package com.kfgateway.assistant.entity;

import java.util.Objects;

/** One message of the conversation as the assistant sees it. */
public record Turn(Role role, String text) {

    public Turn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
    }
}
