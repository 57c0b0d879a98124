package com.kfgateway.sandbox.entity;

import java.time.Instant;

/**
 * One line of a customer's chat as the customer's phone shows it.
 *
 * @param text what the line says; for {@link Speaker#NOTICE} a short description such as "You entered the chat"
 */
public record ChatLine(Instant at, Speaker speaker, String text) {

    public enum Speaker {
        /** The customer, typing in WeChat. */
        CUSTOMER,
        /** The KF account: whatever the product sent through kf/send_msg or kf/send_msg_on_event. */
        ACCOUNT,
        /** A receptionist typing in the WeCom client (not through the product). */
        RECEPTIONIST,
        /** Something that happened rather than something said. */
        NOTICE
    }

    public boolean fromCustomer() {
        return speaker == Speaker.CUSTOMER;
    }
}
