package com.kfgateway.admin.entity;

/** ADMIN may do everything; AGENT works conversations and resends, but sees no setup pages. */
public enum StaffRole {
    ADMIN("admin"), AGENT("agent");

    private final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role name used in web.xml and {@code isCallerInRole}. */
    public String roleName() {
        return roleName;
    }
}
