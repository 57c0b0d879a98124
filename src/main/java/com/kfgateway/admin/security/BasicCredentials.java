package com.kfgateway.admin.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user name and password of an {@code Authorization: Basic …} header (RFC 7617, UTF-8). */
public record BasicCredentials(String username, char[] password) {

    private static final String SCHEME = "basic ";

    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon),
                decoded.substring(colon + 1).toCharArray()));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + username + "]";
    }
}
