package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatedAccount;
import com.kfgateway.sandbox.entity.SimulatedSession;
import com.kfgateway.sandbox.entity.SimulatorSwitches;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the simulated corp's WeCom admin sets up and sees in WeCom's admin pages: KF accounts and their receptionists,
 * the app's visible members, how new sessions are routed, the sessions, and the misconfiguration switches that
 * reproduce real setups' mistakes. Shares the simulator's lock, so a change never lands in the middle of an API call.
 */
public final class CorpAdmin {

    private final Object lock;
    private final CorpState state;
    private final TokenDesk tokens;

    CorpAdmin(Object lock, CorpState state, TokenDesk tokens) {
        this.lock = lock;
        this.state = state;
        this.tokens = tokens;
    }

    // --- accounts, receptionists, members ------------------------------------------------------------------------

    public void addAccount(String openKfid, String name, boolean managePrivilege) {
        synchronized (lock) {
            state.accounts.put(openKfid, new Account(openKfid, name, managePrivilege));
        }
    }

    public void addServicer(String openKfid, String userid, boolean online) {
        synchronized (lock) {
            state.seededAccount(openKfid).servicers.put(userid, online);
        }
    }

    public void setServicerOnline(String openKfid, String userid, boolean online) {
        synchronized (lock) {
            Account account = state.seededAccount(openKfid);
            if (!account.hasServicer(userid)) {
                throw new IllegalArgumentException(userid + " is not a servicer of " + openKfid);
            }
            account.servicers.put(userid, online);
        }
    }

    /** A member in the app's visible range who is no servicer, e.g. an admin who receives alerts. */
    public void addMember(String userid) {
        synchronized (lock) {
            state.members.add(userid);
        }
    }

    /** New sessions go to a receiving receptionist when there is one, as WeCom's 智能分配 does. */
    public void setRouteToOnlineServicers(boolean route) {
        synchronized (lock) {
            state.routeToOnlineServicers = route;
        }
    }

    // --- misconfiguration switches -------------------------------------------------------------------------------

    /** The classic misconfiguration: the KF secret's app lacks KF rights (see {@link WeComSimulator}). */
    public void kfSecretWithoutKfRights(boolean on) {
        synchronized (lock) {
            state.kfSecretWithoutKfRights = on;
        }
    }

    /**
     * Acts as if the product were configured with another corp's id: gettoken answers 40013. Turning it on also
     * invalidates the tokens issued so far (as 42001), since such a product never held a valid token; its next call
     * must fetch one and meet the 40013.
     */
    public void wrongCorpId(boolean on) {
        synchronized (lock) {
            tokens.setCorpIdRejected(on);
            if (on) {
                tokens.expireAll();
            }
        }
    }

    /** The KF secret was reset in WeCom's admin: gettoken answers 40001 for the one the product has. */
    public void kfSecretReset(boolean on) {
        synchronized (lock) {
            tokens.setKfSecretReset(on);
        }
    }

    /** The product's IP is not in the app's trusted IPs: every API but gettoken answers 60020. */
    public void untrustedIp(boolean on) {
        synchronized (lock) {
            state.untrustedIp = on;
        }
    }

    /** Callbacks are signed with a token the product does not know, so it must reject them. */
    public void callbackTokenMismatch(boolean on) {
        synchronized (lock) {
            state.callbackTokenMismatch = on;
        }
    }

    /**
     * Callbacks are signed with the right Token but encrypted with another EncodingAESKey: they verify, and cannot be
     * decrypted.
     */
    public void callbackAesKeyMismatch(boolean on) {
        synchronized (lock) {
            state.callbackAesKeyMismatch = on;
        }
    }

    /**
     * WeCom no longer reaches the callback URL (it moved, its certificate expired, a firewall): messages queue up as
     * before, and no callback says so; only the product's safety pull finds them.
     */
    public void callbacksLost(boolean on) {
        synchronized (lock) {
            state.callbacksLost = on;
        }
    }

    public SimulatorSwitches switches() {
        synchronized (lock) {
            return new SimulatorSwitches(state.kfSecretWithoutKfRights, tokens.corpIdRejected(), tokens.kfSecretReset(),
                    state.untrustedIp,
                    state.callbackTokenMismatch, state.callbackAesKeyMismatch, state.callbacksLost,
                    state.routeToOnlineServicers);
        }
    }

    // --- what the admin pages show -------------------------------------------------------------------------------

    public List<SimulatedAccount> accounts() {
        synchronized (lock) {
            return state.accounts.values().stream()
                    .map(a -> new SimulatedAccount(a.openKfid, a.name, a.managePrivilege,
                            new LinkedHashMap<>(a.servicers)))
                    .toList();
        }
    }

    /** Every session that has started at least once (state 4 included), in no particular order. */
    public List<SimulatedSession> sessions() {
        synchronized (lock) {
            return state.sessions.entrySet().stream()
                    .filter(entry -> entry.getValue().lastCustomerMessageAt != null
                            || entry.getValue().enteredAt != null || entry.getValue().state != Session.ENDED)
                    .map(entry -> {
                        String[] key = entry.getKey().split("\n", 2);
                        return new SimulatedSession(key[0], key[1], entry.getValue().state,
                                entry.getValue().servicer);
                    })
                    .toList();
        }
    }

    /** WeCom's service_state of this customer's session: 0 new, 1 bot, 2 queue, 3 with a servicer, 4 ended. */
    public int serviceState(String openKfid, String externalUserid) {
        synchronized (lock) {
            return state.session(openKfid, externalUserid).state;
        }
    }
}
