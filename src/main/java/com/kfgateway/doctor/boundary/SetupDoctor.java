package com.kfgateway.doctor.boundary;

import com.kfgateway.doctor.control.AccountProbe;
import com.kfgateway.doctor.control.CallbackRules;
import com.kfgateway.doctor.control.DoctorConfig;
import com.kfgateway.doctor.control.QuietCallbackRules;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.doctor.control.LiveChecks;
import com.kfgateway.wecom.control.SecretFingerprint;
import com.kfgateway.doctor.control.SecretRules;
import com.kfgateway.doctor.control.SetupModeRules;
import com.kfgateway.doctor.control.TimerRules;
import com.kfgateway.doctor.entity.Bilingual;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.SecretVerdict;
import com.kfgateway.doctor.entity.SetupMode;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.entity.UntrustedIp;
import com.kfgateway.wecom.boundary.TokenRefresh;
import com.kfgateway.wecom.control.CallbackStats;
import com.kfgateway.wecom.control.CallbackStats.Rejection;
import com.kfgateway.wecom.control.CallbackTally;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.TokenRenewalFailed;
import com.kfgateway.wecom.control.WeComConfig;
import com.kfgateway.wecom.entity.CallbackLogEntry;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Is this installation set up right? Runs every check (real corp or sandbox, configuration, both tokens, the secrets' relation,
 * kf/account/list with manage_privilege, receptionists per account, the callback, the token timer) and keeps the
 * last result, so pages show it without calling WeCom on every view.
 */
@ApplicationScoped
public class SetupDoctor {

    /** Enough for any real corp; a page of 100 accounts each asking servicer/list would be slow and pointless. */
    static final int MAX_ACCOUNTS_CHECKED = 20;

    @Inject
    WeComConfig config;

    /** Produced by the sandbox, which decides the mode; the doctor only explains it. */
    @Inject
    SetupMode setupMode;

    @Inject
    LiveChecks live;

    @Inject
    CallbackTally callbackTally;

    @Inject
    TokenRefresh timer;

    @Inject
    DoctorConfig doctorConfig;

    /** Since when this node has watched the callback: an older silence is not this node's to judge. */
    private final Instant watchingSince = Instant.now();

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    Event<Recheck> rechecks;

    /** Every look, for the staff alerts (asynchronously: the page that asked does not wait for message/send). */
    @Inject
    Event<Diagnosis> examined;

    private volatile Diagnosis latest;

    public Diagnosis latest() {
        return latest;
    }

    /** A token stopped renewing in the background: look again now, before it expires and every call fails. */
    void renewalFailed(@ObservesAsync TokenRenewalFailed failed) {
        examine(false);
    }

    /**
     * WeCom says accounts were granted to the app or taken from it (kf_account_auth_change): look again, off the
     * callback's thread, which must answer WeCom at once.
     */
    void callbackReceived(@Observes KfCallbackReceived received) {
        if (received.event().isKfAccountAuthChange()) {
            rechecks.fireAsync(new Recheck(received.event().event()));
        }
    }

    void recheck(@ObservesAsync Recheck recheck) {
        examine(false);
    }

    /** Why the doctor looks again by itself. */
    record Recheck(String reason) {
    }

    /** @param retryBlocked let gettoken be tried again for a credential paused after WeCom refused its secret */
    public synchronized Diagnosis examine(boolean retryBlocked) {
        List<Check> checks = new ArrayList<>(SetupModeRules.checks(setupMode));
        checks.addAll(configChecks());
        for (Credential credential : Credential.values()) {
            checks.add(live.token(credential, retryBlocked));
        }
        AccountProbe probe = live.accounts();
        SecretVerdict secrets = SecretRules.verdict(config.appSecret(), config.kfSecret(), probe);
        String app = SecretFingerprint.of(config.appSecret());
        String kf = SecretFingerprint.of(config.kfSecret());
        checks.add(SecretRules.check(secrets, app, kf, probe));
        checks.addAll(accountChecks(probe));
        probe.accounts().stream().filter(KfAccount::managePrivilege).limit(MAX_ACCOUNTS_CHECKED)
                .map(live::servicers).forEach(checks::add);
        CallbackTally.Counts seen = callbackTally.now();
        Set<Rejection> signature = Set.of(Rejection.BAD_SIGNATURE);
        Set<Rejection> otherCorp = Set.of(Rejection.WRONG_RECEIVE_ID);
        long named = seen.count(signature) + seen.count(CallbackStats.UNDECRYPTABLE) + seen.count(otherCorp);
        checks.add(CallbackRules.check(config.callbackUsable(), seen.lastVerifiedGet(), seen.lastValidPost(),
                lastLoggedCallback(), new CallbackRules.Rejections(seen.count(signature),
                        seen.count(CallbackStats.UNDECRYPTABLE), seen.count(otherCorp), seen.rejections() - named,
                        seen.last(signature), seen.last(CallbackStats.UNDECRYPTABLE), seen.last(otherCorp))));
        checks.add(QuietCallbackRules.check(doctorConfig.callbackSilence(), watchingSince,
                CallbackRules.latest(seen.lastValidPost(), lastLoggedCallback()), seen.lastUnannouncedMessage()));
        checks.add(TimerRules.check(timer.lastRun(), timer.nextRun(), Instant.now()));
        boolean identical = config.appSecret() != null && config.appSecret().equals(config.kfSecret());
        Diagnosis diagnosis = new Diagnosis(Instant.now(), app, kf, identical, secrets, List.copyOf(checks));
        latest = diagnosis;
        examined.fireAsync(diagnosis);
        return diagnosis;
    }

    private List<Check> configChecks() {
        List<String> problems = config.problems();
        if (problems.isEmpty()) {
            return List.of(Check.green("config", Phrase.of("config.title"), Phrase.of("config.ok")));
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            checks.add(new Check("config." + (i + 1), Verdict.RED, Phrase.of("config.title"),
                    Phrase.of("config.problem", problems.get(i)), Phrase.of("config.problem.fix")));
        }
        return checks;
    }

    private List<Check> accountChecks(AccountProbe probe) {
        Phrase title = Phrase.of("accounts.title");
        if (!probe.reached()) {
            return List.of(new Check("accounts", Verdict.GREY, title, Phrase.of("accounts.unreached", probe.problem()),
                    Phrase.of("accounts.unreached.fix")));
        }
        if (!probe.ok()) {
            var error = live.explain(probe.errcode());
            Phrase fix = probe.errcode() == UntrustedIp.ERRCODE
                    ? probe.untrustedIp().map(ip -> Phrase.of("accounts.fix.60020.ip", ip))
                            .orElse(Phrase.of("accounts.fix.60020"))
                    : Phrase.of("accounts.error.fix", new Bilingual(error.fixZh(), error.fixEn()));
            return List.of(new Check("accounts", Verdict.RED, title, Phrase.of("accounts.error", probe.errcode(),
                    live.meaning(probe.errcode())), fix));
        }
        if (probe.accounts().isEmpty()) {
            return List.of(new Check("accounts", Verdict.RED, title, Phrase.of("accounts.empty"),
                    Phrase.of("accounts.empty.fix")));
        }
        List<Check> checks = new ArrayList<>();
        for (KfAccount account : probe.accounts()) {
            Phrase accountTitle = Phrase.of("account.title", account.name(), account.openKfid());
            checks.add(account.managePrivilege()
                    ? Check.green("account." + account.openKfid(), accountTitle, Phrase.of("account.manageable"))
                    : new Check("account." + account.openKfid(), Verdict.RED, accountTitle,
                            Phrase.of("account.notManageable"), Phrase.of("account.notManageable.fix")));
        }
        return checks;
    }

    private Instant lastLoggedCallback() {
        try {
            return em.createNamedQuery(CallbackLogEntry.LATEST, CallbackLogEntry.class).setMaxResults(1)
                    .getResultStream().findFirst().map(CallbackLogEntry::receivedAt).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
