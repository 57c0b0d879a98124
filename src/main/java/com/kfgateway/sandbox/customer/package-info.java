/**
 * The backing bean of {@code webapp/sandbox/customer.xhtml}: the WeChat customer's phone, played by a person trying
 * the sandbox. Not: anything a real customer sees; the page answers 404 unless sandbox mode is on.
 */
package com.kfgateway.sandbox.customer;
