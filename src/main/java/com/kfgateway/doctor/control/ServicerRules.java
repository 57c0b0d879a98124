package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.Servicer;
import java.util.List;

/**
 * Receptionists of one KF account. servicer/list status 0 means 接待中 (receiving): WeCom then routes new sessions to
 * those people (state 3), and every bot reply fails with 95018 — the classic "the bot stopped answering" cause.
 */
public final class ServicerRules {

    private ServicerRules() {
    }

    public static Check check(KfAccount account, Integer errcode, Object errorMeaning, List<Servicer> servicers) {
        String id = "servicers." + account.openKfid();
        Phrase title = Phrase.of("servicers.title", account.name(), account.openKfid());
        if (errcode != null && errcode != 0) {
            return new Check(id, Verdict.RED, title, Phrase.of("servicers.error", errcode, errorMeaning),
                    Phrase.of("servicers.error.fix"));
        }
        List<String> receiving = servicers.stream().filter(Servicer::receiving).map(Servicer::userid).toList();
        if (receiving.isEmpty()) {
            return Check.green(id, title, Phrase.of("servicers.none", servicers.size()));
        }
        return new Check(id, Verdict.AMBER, title, Phrase.of("servicers.receiving", receiving.size(),
                String.join(", ", receiving), servicers.size()), Phrase.of("servicers.receiving.fix"));
    }
}
