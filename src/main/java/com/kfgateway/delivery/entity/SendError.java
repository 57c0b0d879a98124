package com.kfgateway.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What last went wrong with a part: WeCom's errcode and errmsg from the latest attempt, our explanation (the
 * catalogue's meaning and fix, or why we did not try), and msg_send_fail's fail_type when WeCom reported later that
 * an accepted part never arrived. A part that went through after a failure keeps it: the console shows what it
 * recovered from.
 */
@Embeddable
public class SendError {

    @Column(name = "last_errcode")
    private Integer errcode;

    @Column(name = "last_errmsg")
    private String errmsg;

    private String explanation;

    @Column(name = "fail_type")
    private Integer failType;

    void attempt(Integer errcode, String errmsg, String explanation) {
        this.errcode = errcode;
        this.errmsg = errmsg == null || errmsg.length() <= 500 ? errmsg : errmsg.substring(0, 500);
        this.explanation = explanation == null || explanation.length() <= 1000 ? explanation
                : explanation.substring(0, 1000);
    }

    void deliveryFailed(int failType, String explanation) {
        this.failType = failType;
        this.explanation = explanation;
    }

    void requeued() {
        this.failType = null;
    }

    public Integer getErrcode() {
        return errcode;
    }

    public String getErrmsg() {
        return errmsg;
    }

    public String getExplanation() {
        return explanation;
    }

    public Integer getFailType() {
        return failType;
    }
}
