package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the console's security: the first admin. */
@ApplicationScoped
public class AdminConfig {

    @Inject
    @ConfigProperty(name = "admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    /** Relative paths resolve against the server's working directory, like the default H2 file under ./data. */
    @Inject
    @ConfigProperty(name = "admin.first-password-file", defaultValue = "./data/first-admin-password.txt")
    String firstPasswordFile;

    public String username() {
        return username == null || username.isBlank() ? "admin" : username.trim();
    }

    /** ADMIN_PASSWORD, trimmed; empty when unset or blank. */
    public Optional<String> password() {
        return password.map(String::trim).filter(p -> !p.isEmpty());
    }

    public Path firstPasswordFile() {
        return Path.of(firstPasswordFile == null || firstPasswordFile.isBlank() ? "./data/first-admin-password.txt"
                : firstPasswordFile.trim()).toAbsolutePath().normalize();
    }
}
