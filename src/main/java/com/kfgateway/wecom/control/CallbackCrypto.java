package com.kfgateway.wecom.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto (WXBizMsgCrypt): SHA-1 signatures over the sorted parts and AES-256-CBC with PKCS#7 over
 * 32-byte blocks. The JDK's PKCS5Padding pads to 16 bytes and rejects WeCom's own vectors, hence NoPadding and our
 * own padding. Immutable and thread-safe: the only mutable state is each thread's own initialised Cipher and SHA-1.
 */
public final class CallbackCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /**
     * Looking up a provider costs more than hashing a callback. A plain ThreadLocal holding only JDK types, so a
     * pooled server thread keeps no class of this application alive after an undeploy.
     */
    private static final ThreadLocal<MessageDigest> SHA1 = new ThreadLocal<>();

    private final String token;
    private final byte[] receiveId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    /**
     * Cipher.getInstance and init cost more than AES-CBC over a callback-sized message. An initialised Cipher returns
     * to that state after each doFinal, so each thread keeps one per mode; the IV is fixed by the protocol (the first
     * 16 key bytes) whether or not the Cipher is reused.
     */
    private final ThreadLocal<Cipher> decryptors = new ThreadLocal<>();
    private final ThreadLocal<Cipher> encryptors = new ThreadLocal<>();

    /**
     * @param token          the callback Token (signing secret)
     * @param encodingAesKey the 43-character EncodingAESKey
     * @param receiveId      the corp id every decrypted message must carry
     */
    public CallbackCrypto(String token, String encodingAesKey, String receiveId) throws CallbackCryptoException {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        byte[] aesKey;
        try {
            aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        if (aesKey.length != 32) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_AES_KEY);
        }
        this.token = token == null ? "" : token;
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(aesKey, 0, 16);
        this.receiveId = nullToEmpty(receiveId).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code hex(sha1(sorted(token, timestamp, nonce, encrypted)))}, lowercase. */
    public String signature(String timestamp, String nonce, String encrypted) {
        return new String(signatureHex(timestamp, nonce, encrypted), StandardCharsets.US_ASCII);
    }

    /** Compares in constant time so the check leaks nothing about how much of a forged signature was right. */
    public void verify(String msgSignature, String timestamp, String nonce, String encrypted)
            throws CallbackCryptoException {
        byte[] expected = signatureHex(timestamp, nonce, encrypted);
        byte[] given = nullToEmpty(msgSignature).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new CallbackCryptoException(CryptoError.VALIDATE_SIGNATURE);
        }
    }

    /** Verifies the signature, then decrypts; the usual path for both GET echostr and POST Encrypt. */
    public String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypted)
            throws CallbackCryptoException {
        verify(msgSignature, timestamp, nonce, encrypted);
        return decrypt(encrypted);
    }

    public String decrypt(String encrypted) throws CallbackCryptoException {
        byte[] plain;
        try {
            plain = Base64.getDecoder().decode(nullToEmpty(encrypted));
        } catch (IllegalArgumentException e) {
            throw new CallbackCryptoException(CryptoError.DECODE_BASE64);
        }
        if (plain.length == 0 || plain.length % 16 != 0) {
            throw new CallbackCryptoException(CryptoError.DECRYPT_AES);
        }
        try {
            // In place: the decoded array is ours alone, and doFinal is copy-safe.
            cipher(decryptors, Cipher.DECRYPT_MODE).doFinal(plain, 0, plain.length, plain, 0);
        } catch (GeneralSecurityException e) {
            decryptors.remove();
            throw new CallbackCryptoException(CryptoError.DECRYPT_AES);
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        int contentLength = plain.length - pad;
        if (contentLength < 20) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        long msgLength = ((plain[16] & 0xffL) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8)
                | (plain[19] & 0xff);
        if (20 + msgLength > contentLength) {
            throw new CallbackCryptoException(CryptoError.ILLEGAL_BUFFER);
        }
        int msgEnd = 20 + (int) msgLength;
        if (!isReceiveId(plain, msgEnd, contentLength)) {
            throw new CallbackCryptoException(CryptoError.VALIDATE_RECEIVE_ID);
        }
        return new String(plain, 20, (int) msgLength, StandardCharsets.UTF_8);
    }

    /** Encrypts with 16 fresh random bytes, as WeCom does for every callback. */
    public String encrypt(String message) throws CallbackCryptoException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(message, random);
    }

    /** Encrypts with the given 16 random bytes; deterministic, for test vectors. */
    public String encrypt(String message, byte[] random16) throws CallbackCryptoException {
        if (random16 == null || random16.length != 16) {
            throw new CallbackCryptoException(CryptoError.ENCRYPT_AES);
        }
        byte[] msg = nullToEmpty(message).getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + msg.length + receiveId.length;
        int pad = BLOCK - (unpadded % BLOCK);
        byte[] plain = new byte[unpadded + pad];
        System.arraycopy(random16, 0, plain, 0, 16);
        plain[16] = (byte) (msg.length >>> 24);
        plain[17] = (byte) (msg.length >>> 16);
        plain[18] = (byte) (msg.length >>> 8);
        plain[19] = (byte) msg.length;
        System.arraycopy(msg, 0, plain, 20, msg.length);
        System.arraycopy(receiveId, 0, plain, 20 + msg.length, receiveId.length);
        Arrays.fill(plain, unpadded, plain.length, (byte) pad);
        try {
            cipher(encryptors, Cipher.ENCRYPT_MODE).doFinal(plain, 0, plain.length, plain, 0);
        } catch (GeneralSecurityException e) {
            encryptors.remove();
            throw new CallbackCryptoException(CryptoError.ENCRYPT_AES, e);
        }
        return Base64.getEncoder().encodeToString(plain);
    }

    private byte[] signatureHex(String timestamp, String nonce, String encrypted) {
        String[] parts = {token, nullToEmpty(timestamp), nullToEmpty(nonce), nullToEmpty(encrypted)};
        Arrays.sort(parts);
        MessageDigest sha1 = sha1();
        // digest() resets it; this covers a thread whose last use ended half-way, by an Error.
        sha1.reset();
        for (String part : parts) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = sha1.digest();
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return hex;
    }

    /** Constant time over the configured id, like the signature check: a forged id learns nothing per byte. */
    private boolean isReceiveId(byte[] plain, int from, int to) {
        if (to - from != receiveId.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < receiveId.length; i++) {
            difference |= plain[from + i] ^ receiveId[i];
        }
        return difference == 0;
    }

    private Cipher cipher(ThreadLocal<Cipher> cache, int mode) throws GeneralSecurityException {
        Cipher cipher = cache.get();
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, iv);
            cache.set(cipher);
        }
        return cipher;
    }

    private static MessageDigest sha1() {
        MessageDigest sha1 = SHA1.get();
        if (sha1 == null) {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required by every JDK", e);
            }
            SHA1.set(sha1);
        }
        return sha1;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
