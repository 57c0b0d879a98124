package com.kfgateway.wecom.control;

/**
 * The answer to {@code media/get}: the file, or WeCom's JSON error (e.g. an expired media_id) in {@link #error()}.
 */
public record MediaDownload(byte[] bytes, String contentType, String fileName, WeComResponse error) {

    static MediaDownload file(byte[] bytes, String contentType, String fileName) {
        return new MediaDownload(bytes, contentType, fileName, null);
    }

    static MediaDownload failed(WeComResponse error) {
        return new MediaDownload(null, null, null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** The errcode to judge this download by: 0 for a file. */
    public int errcode() {
        return error == null ? 0 : error.errcode();
    }

    @Override
    public String toString() {
        return ok() ? "MediaDownload[" + bytes.length + " bytes, " + contentType + "]" : "MediaDownload[" + error + "]";
    }
}
