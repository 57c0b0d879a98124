package com.kfgateway.doctor.control;

import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.UntrustedIp;
import java.util.List;
import java.util.Optional;

/**
 * What a live kf/account/list said: {@code reached} false when WeCom was not asked or not reachable (then
 * {@code problem} says why), else WeCom's errcode (with its errmsg when refused) and the accounts.
 */
public record AccountProbe(boolean reached, int errcode, String errmsg, String problem, List<KfAccount> accounts) {

    public AccountProbe(boolean reached, int errcode, String problem, List<KfAccount> accounts) {
        this(reached, errcode, null, problem, accounts);
    }

    public static AccountProbe unreached(String problem) {
        return new AccountProbe(false, 0, problem, List.of());
    }

    /** WeCom refused the call; {@code errmsg} as it said it. */
    public static AccountProbe refused(int errcode, String errmsg) {
        return new AccountProbe(true, errcode, errmsg, null, List.of());
    }

    /** The address WeCom refused, when it refused this server's IP (60020) and named it. */
    public Optional<String> untrustedIp() {
        return UntrustedIp.of(errcode, errmsg);
    }

    public boolean ok() {
        return reached && errcode == 0;
    }

    public long manageable() {
        return accounts.stream().filter(KfAccount::managePrivilege).count();
    }
}
