package com.kfgateway.admin.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Says {@code Connection: close} on the answer to a request whose body nobody read (an action that takes no entity
 * was sent one). The listener closes such a connection after answering, since it never waits for an unread body
 * (server-config/payara/pre-boot-commands.asadmin); without the header a client would send its next request on a
 * connection that is gone and meet a reset, which no client retries for a POST.
 */
@Provider
public class UnreadBodyCloses implements ContainerResponseFilter {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (declaresBody(request) && !readsBody(resource == null ? null : resource.getResourceMethod())) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    static boolean declaresBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }

    /** Whether the method has an entity parameter: one without any of the annotations that bind something else. */
    static boolean readsBody(Method method) {
        if (method == null) {
            return false;
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean other = false;
            for (Annotation annotation : annotations) {
                other |= NOT_THE_BODY.contains(annotation.annotationType());
            }
            if (!other) {
                return true;
            }
        }
        return false;
    }
}
