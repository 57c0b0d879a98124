package com.kfgateway.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class RefusedViewStatusTest {

    @Test
    void aRefusedTokenIsTheClientsFaultAndAnythingElseStaysAServerError() {
        assertEquals(403, RefusedViewStatus.statusFor(new ServletException(new FacesException(
                new ProtectedViewException("no token")))));
        assertEquals(400, RefusedViewStatus.statusFor(new ServletException(new ViewExpiredException("expired",
                "/admin/index.xhtml"))));
        assertEquals(0, RefusedViewStatus.statusFor(new ServletException(new IllegalStateException("a bug"))));
        assertEquals(0, RefusedViewStatus.statusFor(new ServletException("no cause")));
    }
}
