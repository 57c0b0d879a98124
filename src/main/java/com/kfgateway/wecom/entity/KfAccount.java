package com.kfgateway.wecom.entity;

/**
 * One entry of kf/account/list. {@code managePrivilege} says whether the calling app may manage the account (send,
 * receive, assign sessions); only such accounts can be served.
 */
public record KfAccount(String openKfid, String name, boolean managePrivilege) {
}
