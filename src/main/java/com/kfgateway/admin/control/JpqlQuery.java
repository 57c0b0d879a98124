package com.kfgateway.admin.control;

import java.util.Map;

/** A JPQL statement built from a filter, with its named parameters; built by pure code so tests can read it. */
public record JpqlQuery(String jpql, Map<String, Object> parameters) {
}
