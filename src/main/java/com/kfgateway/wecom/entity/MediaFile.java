package com.kfgateway.wecom.entity;

/** A file from media/get. {@code toString} leaves the bytes out. */
public record MediaFile(byte[] bytes, String contentType, String fileName) {

    @Override
    public String toString() {
        return "MediaFile[" + bytes.length + " bytes, " + contentType + "]";
    }
}
