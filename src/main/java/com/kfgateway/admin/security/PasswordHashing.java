package com.kfgateway.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 hash with parameters strong enough for today (OWASP 2023: PBKDF2-HMAC-SHA512, 210,000
 * iterations), instead of its weak defaults. The stored hash carries its own parameters, so raising them later keeps
 * old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    /** A hash of a password nobody has, verified when the user is unknown so timing does not reveal usernames. */
    private String decoy;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void strengthen() {
        hash.initialize(PARAMETERS);
        decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean matches(char[] password, String storedHash) {
        if (storedHash == null) {
            hash.verify(password, decoy);
            return false;
        }
        return hash.verify(password, storedHash);
    }
}
