package com.kfgateway.admin.security;

import com.kfgateway.admin.entity.StaffRole;
import com.kfgateway.admin.entity.StaffUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Creates console users, answers whether any exist, and reads what a password check needs. */
@Stateless
public class StaffUsers {

    /** A user's stored hash and roles, detached: checking a password against it needs no transaction. */
    public record StoredLogin(String username, String passwordHash, Set<String> roles) {

        @Override
        public String toString() {
            return "StoredLogin[" + username + "]";
        }
    }

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    public boolean none() {
        return em.createNamedQuery(StaffUser.COUNT, Long.class).getSingleResult() == 0;
    }

    public boolean exists(String username) {
        return em.find(StaffUser.class, username) != null;
    }

    /** Its own short transaction (the bean's default), which has ended before the caller starts hashing. */
    public Optional<StoredLogin> storedLogin(String username) {
        StaffUser user = username == null ? null : em.find(StaffUser.class, username);
        return Optional.ofNullable(user).map(u -> new StoredLogin(u.getUsername(), u.getPasswordHash(),
                Set.copyOf(u.getRoleNames())));
    }

    public StaffUser create(String username, char[] password, Set<StaffRole> roles) {
        StaffUser user = new StaffUser(username, passwords.hash(password), roles, Instant.now());
        em.persist(user);
        return user;
    }
}
