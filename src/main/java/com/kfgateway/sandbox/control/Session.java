package com.kfgateway.sandbox.control;

import java.time.Instant;

/** One customer's session with one KF account. State 4 (ended / not started) until the customer writes. */
final class Session {

    static final int NEW = 0;
    static final int BOT = 1;
    static final int POOL = 2;
    static final int HUMAN = 3;
    static final int ENDED = 4;

    int state = ENDED;
    String servicer;
    Instant lastCustomerMessageAt;
    int sendsSinceCustomerMessage;
    Instant lastWelcomeAt;
    /** trans returns a reply code only on the first move to 2 or 3 of a session. */
    boolean replyCodeIssued;
    String enterScene;
    String enterSceneParam;
    Instant enteredAt;

    /** The customer's message opens (or re-opens) the 48 h window with five fresh sends. */
    void customerWrote(Instant at) {
        lastCustomerMessageAt = at;
        sendsSinceCustomerMessage = 0;
    }

    void moveTo(int newState, String newServicer) {
        if (state == ENDED && newState != ENDED) {
            replyCodeIssued = false;
        }
        state = newState;
        servicer = newState == HUMAN ? newServicer : null;
    }
}
