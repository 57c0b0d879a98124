package com.kfgateway.wecom.entity;

/**
 * One entry of kf/servicer/list. {@code receiving} is servicer/list's status 0 (接待中); WeCom routes new sessions to
 * such people. Department entries have no userid and are left out.
 */
public record Servicer(String userid, boolean receiving) {
}
