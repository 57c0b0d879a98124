package com.kfgateway.sandbox.entity;

/**
 * One customer's session with one KF account.
 *
 * @param state    WeCom's service_state: 0 new, 1 bot, 2 queue, 3 with a servicer, 4 ended
 * @param servicer the servicer holding the session in state 3, else null
 */
public record SimulatedSession(String openKfid, String externalUserid, int state, String servicer) {
}
