package com.kfgateway.doctor.control;

import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Verdict;
import java.util.List;
import java.util.Set;

/**
 * Which checks staff should hear about after a look: those red now that they were not told about, and those they
 * were told about that are green or amber now. A check that could not be judged (grey, or missing because WeCom was
 * not reached) has not recovered: staff hear nothing until it is known again.
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** What changed since staff were last told. */
    public record Changes(List<Check> turnedRed, List<Check> recovered) {
    }

    public static Changes changes(Diagnosis diagnosis, Set<String> told) {
        List<Check> red = diagnosis.checks().stream()
                .filter(check -> check.verdict() == Verdict.RED && !told.contains(check.id())).toList();
        List<Check> recovered = diagnosis.checks().stream().filter(check -> told.contains(check.id()))
                .filter(check -> check.verdict() == Verdict.GREEN || check.verdict() == Verdict.AMBER).toList();
        return new Changes(red, recovered);
    }
}
