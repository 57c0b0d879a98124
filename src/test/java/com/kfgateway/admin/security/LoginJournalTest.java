package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.admin.control.AuditLog;
import com.kfgateway.admin.entity.AuditEntry.Action;
import com.kfgateway.wecom.control.SecretFingerprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginJournalTest {

    private final List<String> rows = new ArrayList<>();
    private final LoginJournal journal = new LoginJournal();

    LoginJournalTest() {
        journal.audit = new AuditLog() {
            @Override
            public void record(String username, Action action, String targetType, Object targetId,
                    boolean accepted, String detail) {
                rows.add(username + "|" + action + "|" + accepted + "|" + detail);
            }
        };
        journal.users = new StaffUsers() {
            @Override
            public boolean exists(String username) {
                return username.equals("admin");
            }
        };
    }

    @Test
    void auditsSuccessesAndFailuresWithWhereTheyCameFrom() {
        journal.succeeded(LoginGate.Channel.FORM, "192.0.2.1", "admin");
        journal.failed(LoginGate.Channel.BASIC, "192.0.2.2", "admin");
        assertEquals(List.of("admin|LOGIN|true|form from 192.0.2.1: signed in",
                "admin|LOGIN|false|basic from 192.0.2.2: wrong user name or password"), rows);
    }

    @Test
    void recordsAnUnknownUserNameOnlyAsAFingerprint() {
        String typedPassword = "my-Real-passw0rd";
        journal.failed(LoginGate.Channel.FORM, "192.0.2.1", typedPassword);
        journal.throttled(LoginGate.Channel.FORM, "192.0.2.1", typedPassword,
                new LoginThrottle.Refusal("user", Duration.ofSeconds(42), true));
        assertEquals(2, rows.size());
        for (String row : rows) {
            assertFalse(row.contains(typedPassword), row);
            assertTrue(row.startsWith("unknown user " + SecretFingerprint.of(typedPassword)), row);
        }
        assertTrue(rows.get(1).contains("refused for 42 s"), rows.get(1));
    }

    @Test
    void aFailingAuditNeverDecidesTheLogin() {
        journal.audit = new AuditLog() {
            @Override
            public void record(String username, Action action, String targetType, Object targetId,
                    boolean accepted, String detail) {
                throw new IllegalStateException("database down");
            }
        };
        journal.failed(LoginGate.Channel.BASIC, "192.0.2.1", "admin");
    }
}
