package com.kfgateway.wecom.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address WeCom saw when it refused a call because the server's IP is not in the app's trusted IPs (errcode
 * 60020). WeCom names it in the errmsg ("not allow to access from your ip, hint: […], from ip: 203.0.113.7, more
 * info at …"), and it is exactly what the admin must add to 企业可信IP: behind NAT or a proxy it is not the address
 * the server knows itself by.
 */
public final class UntrustedIp {

    public static final int ERRCODE = 60020;
    private static final Pattern FROM_IP = Pattern.compile("from ip:\\s*([0-9A-Fa-f.:]+[0-9A-Fa-f])");

    private UntrustedIp() {
    }

    /** The address in a 60020's errmsg; empty for another errcode, or when WeCom did not say. */
    public static Optional<String> of(int errcode, String errmsg) {
        if (errcode != ERRCODE || errmsg == null) {
            return Optional.empty();
        }
        Matcher address = FROM_IP.matcher(errmsg);
        return address.find() ? Optional.of(address.group(1)) : Optional.empty();
    }
}
