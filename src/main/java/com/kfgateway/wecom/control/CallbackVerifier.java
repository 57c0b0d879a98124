package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.CallbackEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Turns what WeCom sent into something we trust: signature first, then decryption, then the receive id, then the
 * XML. Built once from the configuration; empty when the callback settings are missing or malformed.
 */
@ApplicationScoped
public class CallbackVerifier {

    @Inject
    WeComConfig config;

    private Optional<CallbackCrypto> crypto = Optional.empty();

    @PostConstruct
    void init() {
        if (config.corpId() == null || config.callbackToken() == null || config.callbackAesKey() == null) {
            return;
        }
        try {
            crypto = Optional.of(new CallbackCrypto(config.callbackToken(), config.callbackAesKey(), config.corpId()));
        } catch (CallbackCryptoException e) {
            // WeComConfig.problems() already names the malformed key; the endpoint answers "not configured".
        }
    }

    public boolean configured() {
        return crypto.isPresent();
    }

    /** GET URL verification: the plaintext of {@code echostr}, to be echoed back byte for byte. */
    public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr)
            throws CallbackCryptoException {
        return crypto().verifyAndDecrypt(msgSignature, timestamp, nonce, echostr);
    }

    /** POST delivery: the envelope's {@code Encrypt}, verified and decrypted, parsed into an event. */
    public CallbackEvent open(String msgSignature, String timestamp, String nonce, String envelopeXml)
            throws CallbackCryptoException {
        String encrypted = CallbackXml.encryptField(envelopeXml);
        return CallbackXml.event(crypto().verifyAndDecrypt(msgSignature, timestamp, nonce, encrypted));
    }

    private CallbackCrypto crypto() throws CallbackCryptoException {
        return crypto.orElseThrow(() -> new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY));
    }
}
