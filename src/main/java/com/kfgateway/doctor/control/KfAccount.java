package com.kfgateway.doctor.control;

/** One entry of kf/account/list as the doctor needs it. */
public record KfAccount(String openKfid, String name, boolean managePrivilege) {
}
