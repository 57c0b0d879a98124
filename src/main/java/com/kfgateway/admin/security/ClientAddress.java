package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The address a request came from, for throttling and the audit log: the socket's peer. X-Forwarded-For is read only
 * when that peer is one of {@code admin.trusted-proxies}; then the right-most entry that is not itself a trusted
 * proxy is the client (entries further left were written by the client and prove nothing).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    AdminConfig config;

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), config.trustedProxies());
    }

    static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() <= 45 ? hop : peer;
            }
        }
        return peer;
    }
}
