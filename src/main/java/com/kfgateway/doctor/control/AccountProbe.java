package com.kfgateway.doctor.control;

import com.kfgateway.wecom.entity.KfAccount;
import java.util.List;

/**
 * What a live kf/account/list said: {@code reached} false when WeCom was not asked or not reachable (then
 * {@code problem} says why), else WeCom's errcode and the accounts.
 */
public record AccountProbe(boolean reached, int errcode, String problem, List<KfAccount> accounts) {

    public static AccountProbe unreached(String problem) {
        return new AccountProbe(false, 0, problem, List.of());
    }

    public boolean ok() {
        return reached && errcode == 0;
    }

    public long manageable() {
        return accounts.stream().filter(KfAccount::managePrivilege).count();
    }
}
