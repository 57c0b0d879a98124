package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Bilingual;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.wecom.control.AccessTokens;
import com.kfgateway.wecom.control.AccountList;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.control.CredentialNotConfiguredException;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.TokenStatus;
import com.kfgateway.wecom.control.TokenUnavailableException;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComException;
import com.kfgateway.wecom.control.WeComResponse;
import com.kfgateway.wecom.entity.WeComError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
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
                tokens.resetBlock(credential);
            }
            tokens.token(credential);
            TokenStatus status = tokens.status(credential);
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
        try {
            AccountList list = client.accountList();
            List<KfAccount> accounts = list.accounts().stream().map(LiveChecks::account).toList();
            return new AccountProbe(true, list.response().errcode(), null, accounts);
        } catch (TokenUnavailableException e) {
            return AccountProbe.unreached("KF token unavailable" + (e.errcode() == null ? "" : " (gettoken errcode "
                    + e.errcode() + ")"));
        } catch (WeComException | CredentialNotConfiguredException e) {
            return AccountProbe.unreached(transport(e));
        }
    }

    public Check servicers(KfAccount account) {
        try {
            WeComResponse answer = client.servicerList(account.openKfid());
            if (!answer.ok()) {
                return ServicerRules.check(account, answer.errcode(), meaning(answer.errcode()), List.of());
            }
            return ServicerRules.check(account, 0, null, servicersOf(answer.body()));
        } catch (TokenUnavailableException | WeComException | CredentialNotConfiguredException e) {
            return ServicerRules.check(account, -1, transport(e), List.of());
        }
    }

    public Bilingual meaning(int errcode) {
        WeComError error = catalogue.lookup(errcode);
        return new Bilingual(error.meaningZh(), error.meaningEn());
    }

    public WeComError explain(int errcode) {
        return catalogue.lookup(errcode);
    }

    static List<ServicerRules.Servicer> servicersOf(JsonObject body) {
        List<ServicerRules.Servicer> servicers = new ArrayList<>();
        if (body != null && body.get("servicer_list") instanceof JsonArray list) {
            for (var value : list) {
                if (value instanceof JsonObject s && s.containsKey("userid")) {
                    int status = s.get("status") instanceof JsonNumber n ? n.intValue() : 0;
                    servicers.add(new ServicerRules.Servicer(s.getString("userid", "?"), status));
                }
            }
        }
        return servicers;
    }

    static KfAccount account(JsonObject json) {
        return new KfAccount(json.getString("open_kfid", "?"), json.getString("name", "?"),
                json.getBoolean("manage_privilege", false));
    }

    /** What went wrong on the way, without the exception message (it may name URLs). */
    static String transport(Throwable e) {
        if (e instanceof WeComException w) {
            return "WeCom not reached: " + w.kind() + (w.httpStatus() == 0 ? "" : " (HTTP " + w.httpStatus() + ")");
        }
        return e == null ? "WeCom not reached" : e.getClass().getSimpleName();
    }
}
