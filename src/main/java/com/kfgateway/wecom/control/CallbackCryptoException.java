package com.kfgateway.wecom.control;

/** A callback that failed a crypto step; the message names the official code only, never key material. */
public class CallbackCryptoException extends Exception {

    private final CryptoError error;

    public CallbackCryptoException(CryptoError error) {
        super(error.code() + " " + error.description());
        this.error = error;
    }

    public CallbackCryptoException(CryptoError error, Throwable cause) {
        super(error.code() + " " + error.description(), cause);
        this.error = error;
    }

    public CryptoError error() {
        return error;
    }

    public int code() {
        return error.code();
    }
}
