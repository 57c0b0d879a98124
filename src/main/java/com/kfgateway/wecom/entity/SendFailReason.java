package com.kfgateway.wecom.entity;

import java.util.Locale;

/**
 * Why WeCom dropped a message it had accepted: the {@code fail_type} of a {@code msg_send_fail} event, explained in
 * Chinese and English with what to do about it.
 */
public record SendFailReason(int failType, String meaningZh, String meaningEn, String fixZh, String fixEn) {

    public String meaning(Locale locale) {
        return WeComError.chinese(locale) ? meaningZh : meaningEn;
    }

    public String fix(Locale locale) {
        return WeComError.chinese(locale) ? fixZh : fixEn;
    }

    /** One line: {@code "fail_type 6 — meaning — fix"}. */
    public String describe(Locale locale) {
        return "fail_type " + failType + " — " + meaning(locale) + " — " + fix(locale);
    }
}
