package com.kfgateway.sandbox.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A KF account of the simulated corp as WeCom's admin page shows it.
 *
 * @param servicers servicer userid → whether the servicer is receiving (接待中), in the order they were added
 */
public record SimulatedAccount(String openKfid, String name, boolean managePrivilege, Map<String, Boolean> servicers) {

    public SimulatedAccount {
        servicers = Collections.unmodifiableMap(new LinkedHashMap<>(servicers));
    }
}
