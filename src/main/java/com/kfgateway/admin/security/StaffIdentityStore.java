package com.kfgateway.admin.security;

import com.kfgateway.admin.entity.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The console's users from the staff_user table; the same store answers the login page and HTTP Basic. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || login.getCaller() == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        StaffUser user = em.find(StaffUser.class, login.getCaller());
        if (!passwords.matches(login.getPassword().getValue(), user == null ? null : user.getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.getUsername(), user.getRoleNames());
    }
}
