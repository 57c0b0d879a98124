package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Phrase;
import com.kfgateway.doctor.entity.SetupMode;
import com.kfgateway.doctor.entity.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Real corp or sandbox, and why. A half-done configuration is red, never a silent simulator: a name that looks like a
 * misspelt WeCom setting, some WeCom settings without the others, {@code SANDBOX_ENABLED=true} beside a real corp's
 * settings. One row per mistake; one row for the mode when there is none.
 */
public final class SetupModeRules {

    private SetupModeRules() {
    }

    public static List<Check> checks(SetupMode mode) {
        Phrase title = Phrase.of("setup.title");
        String set = String.join(", ", mode.credentialsSet());
        String missing = String.join(", ", mode.credentialsMissing());
        List<Check> checks = new ArrayList<>();
        if (!mode.unknownSettings().isEmpty()) {
            checks.add(new Check("setup.unknown", Verdict.RED, title,
                    Phrase.of("setup.unknown", String.join(", ", mode.unknownSettings())),
                    Phrase.of("setup.unknown.fix")));
        }
        if (!set.isEmpty() && "true".equalsIgnoreCase(mode.sandboxEnabled())) {
            checks.add(new Check("setup.forced", Verdict.RED, title, Phrase.of("setup.forced", set),
                    Phrase.of("setup.forced.fix")));
        }
        if (!set.isEmpty() && !missing.isEmpty()) {
            checks.add(new Check("setup.partial", Verdict.RED, title, Phrase.of("setup.partial", set, missing),
                    Phrase.of("setup.partial.fix", missing)));
        }
        if (!checks.isEmpty()) {
            return checks;
        }
        if (mode.sandbox()) {
            return List.of(Check.green("setup", title, Phrase.of("setup.sandbox")));
        }
        if (!set.isEmpty()) {
            return List.of(Check.green("setup", title, Phrase.of("setup.corp", set)));
        }
        if (mode.sandboxEnabled() != null && !"true".equalsIgnoreCase(mode.sandboxEnabled())) {
            return List.of(new Check("setup", Verdict.AMBER, title, Phrase.of("setup.off", mode.sandboxEnabled()),
                    Phrase.of("setup.off.fix")));
        }
        return List.of(new Check("setup", Verdict.AMBER, title, Phrase.of("setup.database"),
                Phrase.of("setup.database.fix")));
    }
}
