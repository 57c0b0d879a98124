/**
 * The backing bean of {@code webapp/sandbox/wecom.xhtml}: the simulated corp's WeCom admin (receptionists, sessions,
 * the misconfiguration switches) and the API calls and callbacks the product exchanged with the simulator. Not: the
 * product's own WeCom protocol code, which lives in {@code com.kfgateway.wecom}.
 */
package com.kfgateway.sandbox.wecom;
