package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the console's security: the first admin, login throttling, proxies and the session cookie. */
@ApplicationScoped
public class AdminConfig {

    /** Whether the session cookie carries Secure. */
    public enum SecureCookie { AUTO, TRUE, FALSE }

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

    @Inject
    @ConfigProperty(name = "admin.login-attempts-per-user", defaultValue = "10")
    int attemptsPerUser;

    @Inject
    @ConfigProperty(name = "admin.login-attempts-per-address", defaultValue = "30")
    int attemptsPerAddress;

    @Inject
    @ConfigProperty(name = "admin.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "admin.secure-cookie", defaultValue = "auto")
    String secureCookie;

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

    public int attemptsPerUser() {
        return Math.max(1, attemptsPerUser);
    }

    public int attemptsPerAddress() {
        return Math.max(1, attemptsPerAddress);
    }

    /** Addresses whose X-Forwarded-For is believed; none by default, so a client cannot pick its own address. */
    public Set<String> trustedProxies() {
        return trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /** Anything but true or false means auto, so a typo never silently turns Secure off. */
    public SecureCookie secureCookie() {
        String value = secureCookie == null ? "" : secureCookie.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> SecureCookie.TRUE;
            case "false" -> SecureCookie.FALSE;
            default -> SecureCookie.AUTO;
        };
    }
}
