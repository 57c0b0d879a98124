package com.kfgateway.wecom.entity;

/** One entry of kf/customer/batchget, the fields the console shows. */
public record Customer(String externalUserid, String nickname) {
}
