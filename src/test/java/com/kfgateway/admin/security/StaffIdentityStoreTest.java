package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffIdentityStoreTest {

    @Test
    void hashesOutsideAnyTransaction() throws Exception {
        // The stored hash is read in StaffUsers' own short transaction; the 0.6 s PBKDF2 check must not hold one.
        assertFalse(StaffIdentityStore.class.isAnnotationPresent(Transactional.class));
        assertFalse(StaffIdentityStore.class.getMethod("validate", Credential.class)
                .isAnnotationPresent(Transactional.class));
        assertFalse(StaffIdentityStore.class.isAnnotationPresent(jakarta.ejb.Stateless.class));
    }

    @Test
    void checksThePasswordAgainstTheHashReadBeforeHand() {
        StaffIdentityStore store = new StaffIdentityStore();
        store.users = new StaffUsers() {
            @Override
            public Optional<StoredLogin> storedLogin(String username) {
                return username.equals("admin") ? Optional.of(new StoredLogin("admin", "stored", Set.of("admin")))
                        : Optional.empty();
            }
        };
        store.passwords = new PasswordHashing() {
            @Override
            public boolean matches(char[] password, String storedHash) {
                return "stored".equals(storedHash) && new String(password).equals("right");
            }
        };
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(login("admin", "right")).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(login("admin", "wrong")).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(login("nobody", "right")).getStatus());
    }

    private static UsernamePasswordCredential login(String user, String password) {
        return new UsernamePasswordCredential(user, new Password(password));
    }
}
