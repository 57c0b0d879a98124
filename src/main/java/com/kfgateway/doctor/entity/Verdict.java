package com.kfgateway.doctor.entity;

/** How one check came out: GREEN works, AMBER works but will bite, RED broken, GREY not checked (and why). */
public enum Verdict {
    GREEN, AMBER, RED, GREY;

    public boolean broken() {
        return this == RED;
    }
}
