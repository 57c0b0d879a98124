package com.kfgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * kf/service_state/get and kf/service_state/trans: the §2.5 state machine.
 * Allowed moves: 0→1, 0→2, 0→3, 1→2, 1→3, 2→3, 3→3 (another servicer), and 0/1/2/3→4. The 0/1/2→4 edges are
 * UNCONFIRMED in the doc; the simulator allows them because a secondary source lists them and a product that ends a
 * bot session by API should not be stopped by the fake. Any move out of 4 answers 95013.
 */
final class SessionEndpoints {

    static final Duration REPLY_CODE_VALIDITY = Duration.ofHours(48);
    static final Duration CLOSING_CODE_VALIDITY = Duration.ofSeconds(20);
    private static final Map<Integer, Set<Integer>> ALLOWED = Map.of(
            Session.NEW, Set.of(Session.BOT, Session.POOL, Session.HUMAN, Session.ENDED),
            Session.BOT, Set.of(Session.POOL, Session.HUMAN, Session.ENDED),
            Session.POOL, Set.of(Session.HUMAN, Session.ENDED),
            Session.HUMAN, Set.of(Session.HUMAN, Session.ENDED));

    private final CorpState state;

    SessionEndpoints(CorpState state) {
        this.state = state;
    }

    JsonObject get(ApiRequest request) {
        Account account = state.account(request.text("open_kfid"));
        String customer = state.customer(request.text("external_userid"));
        Session session = state.session(account.openKfid, customer);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("service_state", session.state);
        if (session.state == Session.HUMAN) {
            answer.add("servicer_userid", session.servicer);
        }
        return answer.build();
    }

    JsonObject trans(ApiRequest request) {
        Account account = state.account(request.text("open_kfid"));
        if (state.kfSecretWithoutKfRights || !account.managePrivilege) {
            throw new ApiError(ApiError.STATE_FORBIDS_SENDING, "the app has no right to manage this account");
        }
        String customer = state.customer(request.text("external_userid"));
        int target = (int) request.number("service_state", -1);
        String servicer = request.text("servicer_userid");
        Session session = state.session(account.openKfid, customer);
        if (session.state == Session.ENDED) {
            throw new ApiError(ApiError.SESSION_ENDED, "session already ended");
        }
        if (!ALLOWED.get(session.state).contains(target)) {
            throw new ApiError(ApiError.ILLEGAL_STATE_MOVE, "state transfer not allowed");
        }
        if (target == Session.HUMAN) {
            if (servicer == null || !account.hasServicer(servicer)) {
                throw new ApiError(ApiError.NOT_A_SERVICER, "servicer_userid is not a servicer");
            }
            if (!account.isReceiving(servicer)) {
                throw new ApiError(ApiError.SERVICER_NOT_RECEIVING, "servicer stopped receiving");
            }
        }
        EventCode code = codeFor(session, target, account.openKfid, customer);
        session.moveTo(target, servicer);
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (code != null) {
            answer.add("msg_code", code.code);
        }
        return answer.build();
    }

    /** A reply code on the first move to 2 or 3 of a session, a closing code on every move to 4. */
    private EventCode codeFor(Session session, int target, String openKfid, String customer) {
        if (target == Session.ENDED) {
            return state.issueCode(false, openKfid, customer, CLOSING_CODE_VALIDITY, Session.ENDED);
        }
        if ((target == Session.POOL || target == Session.HUMAN) && !session.replyCodeIssued) {
            session.replyCodeIssued = true;
            return state.issueCode(false, openKfid, customer, REPLY_CODE_VALIDITY, target);
        }
        return null;
    }
}
