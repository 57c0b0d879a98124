package com.kfgateway.doctor.boundary;

import com.kfgateway.wecom.control.SecretFingerprint;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.control.WeComConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, logs both secrets' fingerprints and whether they are identical at once, then (a few seconds after
 * deployment, so boot never waits on WeCom) asks kf/account/list and logs what the relation means, manage_privilege
 * per account, and every red check of the setup doctor.
 *
 * <p>Bean-managed transactions: the timeout calls WeCom and must not hold a transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupReport {

    static final long DELAY_MS = 3000;
    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Inject
    WeComConfig config;

    @Inject
    SetupDoctor doctor;

    @Resource
    TimerService timers;

    @PostConstruct
    void announce() {
        LOG.info(fingerprintLine(config.appSecret(), config.kfSecret()));
        timers.createSingleActionTimer(DELAY_MS, new TimerConfig("startup-report", false));
    }

    @Timeout
    void reportLive() {
        try {
            Diagnosis diagnosis = doctor.examine(false);
            LOG.info(() -> "Secrets verdict (kf/account/list): " + diagnosis.secretVerdict() + " — "
                    + Phrase.of("secrets." + diagnosis.secretVerdict().name(), diagnosis.appFingerprint(),
                            diagnosis.kfFingerprint(), "", "").in(Locale.ENGLISH));
            for (Check check : diagnosis.checks()) {
                if (check.id().startsWith("account.") || check.verdict() != Verdict.GREEN) {
                    Level level = check.verdict() == Verdict.RED ? Level.WARNING : Level.INFO;
                    LOG.log(level, () -> "Setup check " + check.verdict() + " " + check.title(Locale.ENGLISH) + ": "
                            + check.finding(Locale.ENGLISH)
                            + (check.fix() == null ? "" : " Fix: " + check.fix(Locale.ENGLISH)));
                }
            }
            LOG.info(() -> "Setup doctor: " + diagnosis.count(Verdict.GREEN) + " green, "
                    + diagnosis.count(Verdict.AMBER)
                    + " amber, " + diagnosis.count(Verdict.RED) + " red (details at /admin/doctor/index.xhtml)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The start-up setup check failed: " + e.getClass().getSimpleName());
        }
    }

    static String fingerprintLine(String appSecret, String kfSecret) {
        String app = SecretFingerprint.of(appSecret);
        String kf = SecretFingerprint.of(kfSecret);
        String relation;
        if (appSecret == null || kfSecret == null) {
            relation = "not both set, so they cannot be compared";
        } else if (appSecret.equals(kfSecret)) {
            relation = "IDENTICAL: right only if the self-built app is authorised for 微信客服 (added to "
                    + "「微信客服-可调用接口的应用」 with at least one account); checking kf/account/list now";
        } else {
            relation = "DIFFERENT: right if WECOM_KF_SECRET belongs to an app authorised for 微信客服 (or is the legacy "
                    + "微信客服 secret); checking kf/account/list now";
        }
        return "Secrets: WECOM_SECRET " + app + ", WECOM_KF_SECRET " + kf + " — " + relation;
    }
}
