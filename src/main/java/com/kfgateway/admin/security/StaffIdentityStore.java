package com.kfgateway.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The console's users from the staff_user table; the same store answers the login page and HTTP Basic. Deliberately
 * not transactional: the stored hash is read in {@link StaffUsers}' own short transaction, and the slow PBKDF2 check
 * runs after it, so a flood of logins never holds database connections or transactions open while hashing. Callers
 * go through {@link LoginGate}, which throttles before this store is asked.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffUsers users;

    @Inject
    PasswordHashing passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || login.getCaller() == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var stored = users.storedLogin(login.getCaller());
        if (!passwords.matches(login.getPassword().getValue(), stored.map(StaffUsers.StoredLogin::passwordHash)
                .orElse(null))) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(stored.get().username(), stored.get().roles());
    }
}
