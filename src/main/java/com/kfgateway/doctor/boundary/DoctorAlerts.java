package com.kfgateway.doctor.boundary;

import com.kfgateway.doctor.control.AlertRules;
import com.kfgateway.doctor.control.AlertStore;
import com.kfgateway.doctor.control.DoctorConfig;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells staff through the self-built app (message/send to DOCTOR_ALERT_TO) when a check turns red, with its fix and
 * a link to the doctor page, and once more when it recovers; never again while it stays red, whichever node looks
 * and however often (the open alerts are rows, see {@link AlertStore}). A message that cannot go out reopens the
 * question: the next look tries again.
 */
@ApplicationScoped
public class DoctorAlerts {

    private static final Logger LOG = Logger.getLogger(DoctorAlerts.class.getName());

    @Inject
    AlertStore alerts;

    @Inject
    DoctorConfig config;

    @Inject
    WeComClient client;

    /** After every look, off the thread that looked (a page waits for that one); no transaction is held here. */
    void examined(@ObservesAsync Diagnosis diagnosis) {
        AlertRules.Changes changes;
        try {
            changes = AlertRules.changes(diagnosis, alerts.told());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the open doctor alerts could not be read; the next look tries again", e);
            return;
        }
        changes.turnedRed().forEach(check -> turnedRed(check, diagnosis.at()));
        changes.recovered().forEach(check -> recovered(check, diagnosis.at()));
    }

    private void turnedRed(Check check, Instant at) {
        if (!claim(() -> alerts.open(check.id(), at))) {
            return;
        }
        Optional<String> to = config.alertTo();
        if (to.isEmpty()) {
            LOG.info(() -> "Setup check " + check.id() + " turned red; nobody is told (set DOCTOR_ALERT_TO to WeCom"
                    + " userids, a|b)");
            return;
        }
        WeComReply<Void> sent = client.notifyStaff(to.get(), text("alert.red", check, at));
        if (!sent.ok()) {
            LOG.warning(() -> "staff were not told that setup check " + check.id() + " turned red: "
                    + sent.describe() + "; the next look tries again");
            claim(() -> alerts.close(check.id()));
        }
    }

    private void recovered(Check check, Instant at) {
        if (!claim(() -> alerts.close(check.id()))) {
            return;
        }
        config.alertTo().ifPresent(to -> {
            WeComReply<Void> sent = client.notifyStaff(to, text("alert.recovered", check, at));
            if (!sent.ok()) {
                LOG.warning(() -> "staff were not told that setup check " + check.id() + " recovered: "
                        + sent.describe());
            }
        });
    }

    /** Both languages, Chinese first; the time makes each episode's text unique to WeCom's duplicate check. */
    private String text(String key, Check check, Instant at) {
        return text(key, check, at, Locale.CHINESE) + "\n\n" + text(key, check, at, Locale.ENGLISH);
    }

    private String text(String key, Check check, Instant at, Locale locale) {
        return Phrase.of(key, check.title(locale), check.finding(locale), check.fix(locale), at, config.doctorPage())
                .in(locale);
    }

    /** Another node's claim, or the database away, both mean: not this node's to tell now. */
    private static boolean claim(java.util.function.BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a doctor alert was not claimed", e);
            return false;
        }
    }
}
