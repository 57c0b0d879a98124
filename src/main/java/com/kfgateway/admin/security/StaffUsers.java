package com.kfgateway.admin.security;

import com.kfgateway.admin.entity.StaffRole;
import com.kfgateway.admin.entity.StaffUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/** Creates console users and answers whether any exist. */
@Stateless
public class StaffUsers {

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

    public StaffUser create(String username, char[] password, Set<StaffRole> roles) {
        StaffUser user = new StaffUser(username, passwords.hash(password), roles, Instant.now());
        em.persist(user);
        return user;
    }
}
