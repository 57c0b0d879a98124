package com.kfgateway.wecom.control;

/** A call needs a credential whose corp id or secret is not set; thrown before any HTTP request is made. */
public class CredentialNotConfiguredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final Credential credential;

    public CredentialNotConfiguredException(Credential credential, String missing) {
        super(credential + " credential is not configured: " + missing + " is not set");
        this.credential = credential;
    }

    public Credential credential() {
        return credential;
    }
}
