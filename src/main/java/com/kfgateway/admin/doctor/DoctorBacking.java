package com.kfgateway.admin.doctor;

import com.kfgateway.admin.Texts;
import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.doctor.boundary.SetupDoctor;
import com.kfgateway.doctor.entity.Check;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.Phrase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code admin/doctor/index.xhtml} (admins only, by web.xml): the last diagnosis, run once if there is none,
 * and the "run checks now" button, which also lets a paused credential try gettoken again.
 */
@Named
@RequestScoped
public class DoctorBacking {

    /** One check as the page shows it, in the session's language. */
    public record Row(String id, String verdict, String title, String finding, String fix) {

        public String getId() {
            return id;
        }

        public String getVerdict() {
            return verdict;
        }

        public String getTitle() {
            return title;
        }

        public String getFinding() {
            return finding;
        }

        public String getFix() {
            return fix;
        }
    }

    @Inject
    SetupDoctor doctor;

    @Inject
    Texts texts;

    @Inject
    StaffActions actions;

    private Diagnosis diagnosis;

    public Diagnosis getDiagnosis() {
        if (diagnosis == null) {
            diagnosis = doctor.latest() != null ? doctor.latest() : doctor.examine(false);
        }
        return diagnosis;
    }

    public void runNow() {
        diagnosis = actions.runChecks();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                texts.get("doctor.ran"), null));
    }

    public List<Row> getRows() {
        Locale locale = texts.locale();
        return getDiagnosis().checks().stream().map(c -> row(c, locale)).toList();
    }

    public String getSecretsMeaning() {
        Diagnosis d = getDiagnosis();
        return getRows().stream().filter(r -> r.id().equals("secrets")).map(Row::finding).findFirst()
                .orElse(Phrase.of("secrets." + d.secretVerdict().name(), d.appFingerprint(), d.kfFingerprint(), "", "")
                        .in(texts.locale()));
    }

    private static Row row(Check check, Locale locale) {
        String fix = check.fix(locale);
        return new Row(check.id(), check.verdict().name(), check.title(locale), check.finding(locale),
                fix == null || fix.isBlank() ? null : fix);
    }
}
