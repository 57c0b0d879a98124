package com.kfgateway.admin.security;

/** Which URLs are the console's, relative to the context root. */
public final class ConsolePaths {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String API_PREFIX = "/api/admin";
    public static final String PAGES_PREFIX = "/admin/";
    public static final String HOME = "/admin/index.xhtml";

    private ConsolePaths() {
    }

    public static boolean isApi(String path) {
        return path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
    }

    /**
     * Where to go after login: only a console page of this application, so the login form cannot be turned into an
     * open redirect.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith(PAGES_PREFIX) || next.contains("//") || next.contains("\\")
                || next.contains("..") || next.chars().anyMatch(c -> c < 0x20)) {
            return HOME;
        }
        return next;
    }
}
