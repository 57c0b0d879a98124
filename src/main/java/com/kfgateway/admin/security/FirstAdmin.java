package com.kfgateway.admin.security;

import com.kfgateway.admin.entity.StaffRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start (no console user at all) creates the admin: {@code ADMIN_USERNAME} (default {@code admin}) with
 * {@code ADMIN_PASSWORD}, or with a generated password that is printed once in the log, because otherwise nobody could
 * log in. Later starts do nothing, so changing ADMIN_PASSWORD afterwards does not reset anyone's password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    @ConfigProperty(name = "admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    @Inject
    StaffUsers users;

    @PostConstruct
    void createWhenNoUserExists() {
        if (!users.none()) {
            return;
        }
        String name = username == null || username.isBlank() ? "admin" : username.trim();
        Optional<String> given = password.map(String::trim).filter(p -> !p.isEmpty());
        String initial = given.orElseGet(FirstAdmin::generatedPassword);
        users.create(name, initial.toCharArray(), Set.of(StaffRole.ADMIN));
        if (given.isPresent()) {
            LOG.info(() -> "Created the console admin '" + name + "' with the password from ADMIN_PASSWORD");
        } else {
            // Printed exactly once, on purpose: there is no other way to learn it. Change it after the first login.
            LOG.warning("Created the console admin '" + name + "' with the generated password " + initial
                    + " (shown only this once; set ADMIN_PASSWORD before the first start to choose it)");
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
