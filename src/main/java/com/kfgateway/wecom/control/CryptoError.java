package com.kfgateway.wecom.control;

/** The official WXBizMsgCrypt error codes (WeCom sample {@code ierror.py}), so logs match WeCom's own tools. */
public enum CryptoError {
    VALIDATE_SIGNATURE(-40001, "signature check failed"),
    PARSE_XML(-40002, "XML parse failed"),
    COMPUTE_SIGNATURE(-40003, "SHA-1 failed"),
    ILLEGAL_AES_KEY(-40004, "EncodingAESKey is invalid"),
    VALIDATE_RECEIVE_ID(-40005, "receive id does not match the corp id"),
    ENCRYPT_AES(-40006, "AES encryption failed"),
    DECRYPT_AES(-40007, "AES decryption failed"),
    ILLEGAL_BUFFER(-40008, "decrypted buffer is invalid"),
    ENCODE_BASE64(-40009, "Base64 encoding failed"),
    DECODE_BASE64(-40010, "Base64 decoding failed"),
    GEN_RETURN_XML(-40011, "building the reply failed");

    private final int code;
    private final String description;

    CryptoError(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
