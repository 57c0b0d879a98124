package com.kfgateway.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Someone who may log in to the console; the password only as a PBKDF2 hash. */
@Entity
@Table(name = "staff_user")
@NamedQuery(name = StaffUser.COUNT, query = "select count(u) from StaffUser u")
@NamedQuery(name = StaffUser.ALL, query = "select u from StaffUser u order by u.username")
public class StaffUser {

    public static final String COUNT = "StaffUser.count";
    public static final String ALL = "StaffUser.all";

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected StaffUser() {
    }

    public StaffUser(String username, String passwordHash, Set<StaffRole> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(StaffRole::roleName).collect(Collectors.joining(","));
        this.createdAt = now;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Role names as the container sees them (groups mapped one to one onto roles). */
    public Set<String> getRoleNames() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void loggedIn(Instant at) {
        this.lastLoginAt = at;
    }

    @Override
    public String toString() {
        return "StaffUser[" + username + ", roles=" + roles + "]";
    }
}
