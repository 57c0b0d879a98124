package com.kfgateway.admin.security;

import com.kfgateway.admin.entity.StaffRole;
import com.kfgateway.cluster.control.Leases;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * On the first start (no console user at all) creates the admin: {@code ADMIN_USERNAME} (default {@code admin}) with
 * {@code ADMIN_PASSWORD}, or with a generated password written to {@code admin.first-password-file}, readable only by
 * the server's user; the log says where that file is, never the password. An ADMIN_PASSWORD that fails
 * {@link PasswordRules} creates no admin at all: an easily guessed password on the one account that can do everything
 * is worse than a console nobody can open until it is fixed. Later starts do nothing, so changing ADMIN_PASSWORD
 * afterwards does not reset anyone's password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    static final String LEASE_NAME = "first-admin";
    /** Longer than hashing a password and writing a file can take. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    AdminConfig config;

    @Inject
    StaffUsers users;

    @Inject
    Leases leases;

    /**
     * Under a lease, so that of several nodes starting together on an empty database one creates the admin; the
     * others wait for it (at most until its lease would have run out) and find a user there.
     */
    @PostConstruct
    void createWhenNoUserExists() {
        Instant giveUp = Instant.now().plus(LEASE).plus(LEASE);
        while (users.none()) {
            if (leases.take(LEASE_NAME, LEASE)) {
                try {
                    if (users.none()) {
                        create();
                    }
                } finally {
                    leases.release(LEASE_NAME);
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                LOG.warning("Another node held the first admin's lease for too long; no admin created here");
                return;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another node created the first admin", e);
        }
    }

    private void create() {
        String name = config.username();
        Optional<String> given = config.password();
        if (given.isPresent()) {
            fromAdminPassword(name, given.get());
        } else {
            withGeneratedPassword(name, config.firstPasswordFile());
        }
    }

    private void fromAdminPassword(String name, String password) {
        Optional<String> problem = PasswordRules.problem(password, name);
        if (problem.isPresent()) {
            LOG.severe("ADMIN_PASSWORD is refused because " + problem.get() + "; no console admin was created, so "
                    + "nobody can sign in yet. Set ADMIN_PASSWORD to at least " + PasswordRules.MIN_LENGTH
                    + " characters that are not a common password (or unset it to have one generated) and restart.");
            return;
        }
        users.create(name, password.toCharArray(), Set.of(StaffRole.ADMIN));
        LOG.info(() -> "Created the console admin '" + name + "' with the password from ADMIN_PASSWORD");
    }

    private void withGeneratedPassword(String name, Path file) {
        String initial = generatedPassword();
        try {
            SecretFile.write(file, initial + System.lineSeparator());
        } catch (IOException | RuntimeException e) {
            LOG.severe("Could not write the first admin's password to " + file + " (" + e.getClass().getSimpleName()
                    + "); no console admin was created. Make that directory writable, set ADMIN_FIRST_PASSWORD_FILE "
                    + "to a writable path, or set ADMIN_PASSWORD, and restart.");
            return;
        }
        try {
            users.create(name, initial.toCharArray(), Set.of(StaffRole.ADMIN));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        LOG.warning("Created the console admin '" + name + "' with a generated password, written to " + file
                + " (readable only by the server's user). Sign in with it, then delete the file.");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("Could not delete " + file + "; it holds a password for a user that was not created");
        }
    }

    static String generatedPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
