package com.kfgateway.sandbox.control;

import java.time.Instant;

/**
 * A code for kf/send_msg_on_event: a welcome_code, or a msg_code from trans or a session_status_change. Single use.
 *
 * @param requiredState the state the session must still be in (null for welcome codes, which have no such rule)
 */
final class EventCode {

    final String code;
    final boolean welcome;
    final String openKfid;
    final String externalUserid;
    final Instant expiresAt;
    final Integer requiredState;
    boolean used;

    EventCode(String code, boolean welcome, String openKfid, String externalUserid, Instant expiresAt,
            Integer requiredState) {
        this.code = code;
        this.welcome = welcome;
        this.openKfid = openKfid;
        this.externalUserid = externalUserid;
        this.expiresAt = expiresAt;
        this.requiredState = requiredState;
    }

    /** The queue-notice code (to state 2) allows only text; welcome and closing codes also allow menus. */
    boolean allowsMenu() {
        return requiredState == null || requiredState != Session.POOL;
    }
}
