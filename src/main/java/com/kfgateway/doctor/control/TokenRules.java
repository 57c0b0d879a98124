package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Bilingual;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.Verdict;
import com.kfgateway.wecom.control.Credential;
import com.kfgateway.wecom.entity.WeComError;
import java.time.Instant;
import java.util.Set;

/** Turns one credential's token attempt into a doctor row with the fix for the errcodes gettoken really returns. */
public final class TokenRules {

    /** Codes whose fix the doctor words itself, because the catalogue's generic text does not name the variable. */
    static final Set<Integer> OWN_FIX = Set.of(40001, 40013, 40091, 60020, 41002, 41004);

    private TokenRules() {
    }

    /**
     * @param errcode WeCom's gettoken errcode, or null when WeCom was not reached ({@code problem} then says why)
     * @param catalogued the catalogue's entry for the errcode (null when there is none)
     */
    public static Check check(Credential credential, boolean configured, boolean ok, Integer errcode, String problem,
            Instant expiresAt, Instant blockedUntil, WeComError catalogued) {
        String id = "token." + credential.name().toLowerCase();
        Phrase title = Phrase.of("token.title", credential.name(), credential.secretVariable());
        if (!configured) {
            return new Check(id, Verdict.RED, title, Phrase.of("token.notConfigured", credential.secretVariable()),
                    Phrase.of("token.notConfigured.fix", credential.secretVariable()));
        }
        if (ok) {
            return Check.green(id, title, Phrase.of("token.ok", expiresAt));
        }
        if (errcode == null) {
            return new Check(id, Verdict.RED, title, Phrase.of("token.unreachable", problem),
                    Phrase.of("token.unreachable.fix"));
        }
        Phrase finding = blockedUntil == null ? Phrase.of("token.refused", errcode, meaning(catalogued))
                : Phrase.of("token.refused.blocked", errcode, meaning(catalogued), blockedUntil);
        return new Check(id, Verdict.RED, title, finding, fix(credential, errcode, catalogued));
    }

    /**
     * A token that still works, though renewing it failed: red, because it stops working at {@code expiresAt}.
     *
     * @param errcode gettoken's errcode, or null when WeCom was not reached ({@code problem} then says why)
     */
    public static Check renewalFailing(Credential credential, Integer errcode, String problem, Instant expiresAt,
            WeComError catalogued) {
        String id = "token." + credential.name().toLowerCase();
        Phrase title = Phrase.of("token.title", credential.name(), credential.secretVariable());
        if (errcode == null) {
            return new Check(id, Verdict.RED, title, Phrase.of("token.renewalUnreachable", expiresAt, problem),
                    Phrase.of("token.unreachable.fix"));
        }
        return new Check(id, Verdict.RED, title, Phrase.of("token.renewalRefused", expiresAt, errcode,
                meaning(catalogued)), fix(credential, errcode, catalogued));
    }

    private static Phrase fix(Credential credential, int errcode, WeComError catalogued) {
        return OWN_FIX.contains(errcode) ? Phrase.of("token.fix." + errcode, credential.secretVariable())
                : Phrase.of("token.fix.other", catalogued == null ? "" : new Bilingual(catalogued.fixZh(),
                        catalogued.fixEn()));
    }

    private static Object meaning(WeComError error) {
        return error == null ? "" : new Bilingual(error.meaningZh(), error.meaningEn());
    }
}
