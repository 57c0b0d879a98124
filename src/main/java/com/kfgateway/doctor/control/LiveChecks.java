package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Bilingual;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.wecom.control.AccessTokens;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.CredentialNotConfiguredException;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.TokenStatus;
import com.kfgateway.wecom.control.TokenUnavailableException;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComException;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.WeComError;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The doctor's calls to WeCom: a token per credential, kf/account/list, servicer/list. Each turns every failure into
 * an answer (never an exception), and none runs inside a transaction.
 */
@ApplicationScoped
public class LiveChecks {

    @Inject
    AccessTokens tokens;

    @Inject
    WeComClient client;

    @Inject
    ErrorCatalogue catalogue;

    public Check token(Credential credential, boolean retryBlocked) {
        if (!tokens.configured(credential)) {
            return TokenRules.check(credential, false, false, null, null, null, null, null);
        }
        try {
            if (retryBlocked) {
                // A staff member asked: a token WeCom issued before says nothing about the settings now.
                tokens.resetBlock(credential);
                tokens.fetchAnew(credential);
            } else {
                tokens.token(credential);
            }
            TokenStatus status = tokens.status(credential);
            if (status.failureCount() > 0) {
                // The token in use still works, but the last attempt to renew it did not: it will stop working.
                Integer code = status.lastErrcode();
                return TokenRules.renewalFailing(credential, code, status.lastError(), status.expiresAt(),
                        code == null ? null : catalogue.lookup(code));
            }
            return TokenRules.check(credential, true, true, null, null, status.expiresAt(), null, null);
        } catch (TokenUnavailableException e) {
            Integer code = e.errcode();
            return TokenRules.check(credential, true, false, code, transport(e.getCause()), null, e.blockedUntil(),
                    code == null ? null : catalogue.lookup(code));
        } catch (WeComException e) {
            return TokenRules.check(credential, true, false, null, transport(e), null, null, null);
        } catch (CredentialNotConfiguredException e) {
            return TokenRules.check(credential, false, false, null, null, null, null, null);
        }
    }

    public AccountProbe accounts() {
        if (!tokens.configured(Credential.KF)) {
            return AccountProbe.unreached("WECOM_CORP_ID / WECOM_KF_SECRET not set");
        }
        WeComReply<List<KfAccount>> list = client.accounts();
        return switch (list.outcome()) {
            case OK -> new AccountProbe(true, 0, null, list.value());
            case ERRCODE -> AccountProbe.refused(list.errcode(), list.detail());
            case NO_TOKEN -> AccountProbe.unreached("KF token unavailable" + (list.errcode() == 0 ? ""
                    : " (gettoken errcode " + list.errcode() + ")"));
            case UNREACHABLE, NOT_CONFIGURED -> AccountProbe.unreached(unreached(list));
        };
    }

    public Check servicers(KfAccount account) {
        WeComReply<List<Servicer>> answer = client.servicers(account.openKfid());
        if (answer.ok()) {
            return ServicerRules.check(account, 0, null, answer.value());
        }
        if (answer.outcome() == WeComReply.Outcome.ERRCODE) {
            return ServicerRules.check(account, answer.errcode(), meaning(answer.errcode()), List.of());
        }
        return ServicerRules.check(account, -1, unreached(answer), List.of());
    }

    public Bilingual meaning(int errcode) {
        WeComError error = catalogue.lookup(errcode);
        return new Bilingual(error.meaningZh(), error.meaningEn());
    }

    public WeComError explain(int errcode) {
        return catalogue.lookup(errcode);
    }

    /** What went wrong on the way, without WeCom's message (it may name URLs). */
    static String unreached(WeComReply<?> reply) {
        return switch (reply.outcome()) {
            case UNREACHABLE -> "WeCom not reached" + (reply.httpStatus() == 0 ? "" : " (HTTP " + reply.httpStatus()
                    + ")");
            case NOT_CONFIGURED -> "not configured";
            default -> reply.outcome().name();
        };
    }

    /** What went wrong on the way, without the exception message (it may name URLs). */
    static String transport(Throwable e) {
        if (e instanceof WeComException w) {
            return "WeCom not reached: " + w.kind() + (w.httpStatus() == 0 ? "" : " (HTTP " + w.httpStatus() + ")");
        }
        return e == null ? "WeCom not reached" : e.getClass().getSimpleName();
    }
}
