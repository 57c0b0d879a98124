package com.kfgateway.admin.security;

import com.kfgateway.admin.control.AuditLog;
import com.kfgateway.admin.entity.AuditEntry.Action;
import com.kfgateway.wecom.control.SecretFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts every password check on record: a row in the audit log and a line in the server log, for successes,
 * failures and the first refusal of each throttling episode (later refusals of the same episode are not written,
 * so a flood cannot flood the database). A user name that belongs to nobody is recorded only as a fingerprint:
 * people type their password into the user name field, and it must not end up in clear in the log.
 */
@ApplicationScoped
public class LoginJournal {

    private static final Logger LOG = Logger.getLogger(LoginJournal.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    StaffUsers users;

    public void succeeded(LoginGate.Channel channel, String address, String username) {
        write(username, true, channel, address, "signed in");
    }

    public void failed(LoginGate.Channel channel, String address, String username) {
        String who = shown(username);
        LOG.info(() -> "Console login refused for " + who + " from " + address + " (" + channel.label()
                + "): wrong user name or password");
        write(who, false, channel, address, "wrong user name or password");
    }

    public void throttled(LoginGate.Channel channel, String address, String username,
            LoginThrottle.Refusal refusal) {
        String who = shown(username);
        String why = "too many attempts per " + refusal.limit() + ", further attempts refused for "
                + refusal.retryAfter().toSeconds() + " s without checking the password";
        LOG.warning(() -> "Console login throttled for " + who + " from " + address + " (" + channel.label() + "): "
                + why);
        write(who, false, channel, address, why);
    }

    private void write(String who, boolean accepted, LoginGate.Channel channel, String address, String what) {
        try {
            audit.record(who, Action.LOGIN, "user", who, accepted, channel.label() + " from " + address + ": " + what);
        } catch (RuntimeException e) {
            // The login's outcome stands whether or not the audit row could be written.
            LOG.log(Level.WARNING, "Could not audit a console login", e);
        }
    }

    private String shown(String username) {
        String name = username == null ? "" : username.trim();
        boolean known;
        try {
            known = !name.isEmpty() && users.exists(name);
        } catch (RuntimeException e) {
            known = false;
        }
        return known ? name : "unknown user " + SecretFingerprint.of(name);
    }
}
