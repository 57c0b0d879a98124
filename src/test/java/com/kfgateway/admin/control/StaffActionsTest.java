package com.kfgateway.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kfgateway.admin.entity.AuditEntry.Action;
import com.kfgateway.doctor.boundary.SetupDoctor;
import com.kfgateway.doctor.entity.Diagnosis;
import com.kfgateway.doctor.entity.SecretVerdict;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffActionsTest {

    private final List<String> audited = new ArrayList<>();
    private final StaffActions actions = new StaffActions();
    private final List<Boolean> examined = new ArrayList<>();
    private final Diagnosis diagnosis = new Diagnosis(Instant.now(), "sha256:1", "sha256:2", false,
            SecretVerdict.DIFFERENT_AND_KF_WORKS, List.of());

    StaffActionsTest() {
        actions.audit = new AuditLog() {
            @Override
            public void record(String username, Action action, String targetType, Object targetId,
                    boolean accepted, String detail) {
                audited.add(username + " " + action + " " + accepted);
            }
        };
        actions.security = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SecurityContext.class}, (proxy, method, args) -> method.getName()
                        .equals("getCallerPrincipal") ? (Principal) () -> "alice" : null);
    }

    @Test
    void runningTheChecksRetriesPausedCredentialsAndIsAudited() {
        actions.doctor = new SetupDoctor() {
            @Override
            public synchronized Diagnosis examine(boolean retryBlocked) {
                examined.add(retryBlocked);
                return diagnosis;
            }
        };
        assertSame(diagnosis, actions.runChecks());
        assertEquals(List.of(true), examined);
        assertEquals(List.of("alice RUN_CHECKS true"), audited);
    }

    @Test
    void aFailedRunIsAuditedAsRefused() {
        actions.doctor = new SetupDoctor() {
            @Override
            public synchronized Diagnosis examine(boolean retryBlocked) {
                throw new IllegalStateException("boom");
            }
        };
        assertThrows(IllegalStateException.class, actions::runChecks);
        assertEquals(List.of("alice RUN_CHECKS false"), audited);
    }
}
