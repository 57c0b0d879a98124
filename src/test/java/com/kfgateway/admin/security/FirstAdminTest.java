package com.kfgateway.admin.security;

import com.kfgateway.cluster.control.TestLeases;
import com.kfgateway.unit.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.admin.entity.StaffRole;
import com.kfgateway.admin.entity.StaffUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminTest {

    @TempDir
    Path dir;

    private final Logger logger = Logger.getLogger(FirstAdmin.class.getName());
    private final List<LogRecord> log = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final RecordingUsers users = new RecordingUsers();

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void writesTheGeneratedPasswordToAFileOnlyTheServerUserCanReadAndNotToTheLog() throws Exception {
        Path file = dir.resolve("data/first-admin-password.txt");
        firstAdmin(Optional.empty(), file).createWhenNoUserExists();

        assertEquals("admin", users.name);
        String written = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertEquals(users.password, written, "the file holds the password the admin was created with");
        assertEquals(20, written.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = logText();
        assertFalse(text.contains(written), "the password is not in the log");
        assertTrue(text.contains(file.toString()), "the log says where the file is: " + text);
    }

    @Test
    void refusesAWeakAdminPasswordWithASevereLineAndCreatesNoAdmin() {
        firstAdmin(Optional.of("admin1234"), dir.resolve("unused.txt")).createWhenNoUserExists();

        assertNull(users.name, "no admin was created");
        LogRecord severe = log.stream().filter(r -> r.getLevel() == Level.SEVERE).findFirst().orElseThrow();
        assertTrue(severe.getMessage().contains("ADMIN_PASSWORD") && severe.getMessage().contains("restart"),
                severe.getMessage());
        assertFalse(severe.getMessage().contains("admin1234"), "not even a refused password is logged");
        assertFalse(Files.exists(dir.resolve("unused.txt")));
    }

    @Test
    void createsTheAdminWithAStrongAdminPasswordAndWritesNoFile() {
        firstAdmin(Optional.of("  correct horse battery staple "), dir.resolve("unused.txt")).createWhenNoUserExists();

        assertEquals("correct horse battery staple", users.password);
        assertEquals(Set.of(StaffRole.ADMIN), users.roles);
        assertFalse(Files.exists(dir.resolve("unused.txt")));
        assertFalse(logText().contains("correct horse"));
    }

    @Test
    void doesNothingOnceAnyUserExists() {
        users.none = false;
        firstAdmin(Optional.of("admin1234"), dir.resolve("unused.txt")).createWhenNoUserExists();
        assertNull(users.name);
        assertTrue(log.isEmpty());
    }

    @Test
    void ofTwoNodesStartingTogetherOnAnEmptyDatabaseOneCreatesTheAdmin() throws Exception {
        try (TestDatabase cluster = new TestDatabase()) {
            users.hashing = Duration.ofMillis(300);
            FirstAdmin a = firstAdmin(Optional.of("it-admin-Passw0rd!"), dir.resolve("a.txt"));
            a.leases = TestLeases.node("a", cluster);
            FirstAdmin b = firstAdmin(Optional.of("it-admin-Passw0rd!"), dir.resolve("b.txt"));
            b.leases = TestLeases.node("b", cluster);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> started = List.of(a, b).stream().map(node -> nodes.submit(() -> {
                    go.await();
                    node.createWhenNoUserExists();
                    return null;
                })).toList();
                go.countDown();
                for (Future<Object> node : started) {
                    node.get(30, TimeUnit.SECONDS);
                }
            } finally {
                nodes.shutdownNow();
            }
            assertEquals(1, users.created.get());
        }
    }

    private FirstAdmin firstAdmin(Optional<String> password, Path file) {
        AdminConfig config = new AdminConfig();
        config.username = "admin";
        config.password = password;
        config.firstPasswordFile = file.toString();
        FirstAdmin firstAdmin = new FirstAdmin();
        firstAdmin.config = config;
        firstAdmin.users = users;
        firstAdmin.leases = TestLeases.alone();
        return firstAdmin;
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        log.forEach(r -> text.append(r.getMessage()).append('\n'));
        return text.toString();
    }

    /** The database side, as a test double: remembers what it was asked to create. */
    static final class RecordingUsers extends StaffUsers {
        volatile boolean none = true;
        String name;
        String password;
        Set<StaffRole> roles;
        final AtomicInteger created = new AtomicInteger();
        Duration hashing = Duration.ZERO;

        @Override
        public boolean none() {
            return none;
        }

        @Override
        public StaffUser create(String username, char[] password, Set<StaffRole> roles) {
            try {
                Thread.sleep(hashing.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            created.incrementAndGet();
            none = false;
            this.name = username;
            this.password = new String(password);
            this.roles = roles;
            return null;
        }
    }
}
