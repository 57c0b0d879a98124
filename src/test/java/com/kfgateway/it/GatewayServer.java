package com.kfgateway.it;

import java.io.IOException;
import java.net.URI;

/**
 * The real WAR running in a real server as a child process on a free loopback port: Payara Micro 6 (the tests'
 * default), Payara Micro 7 or WildFly 39. Ready means an application URL answers.
 */
public interface GatewayServer {

    URI baseUri();

    int port();

    /** Where the server serves MicroProfile Health: the HTTP port on Payara, the management interface on WildFly. */
    default URI healthUri() {
        return baseUri().resolve("/health");
    }

    /** The server's process id (for RSS and thread dumps); -1 when it is not running. */
    long pid();

    /** Everything the server printed since the first start of this test run. */
    String log();

    void start() throws IOException, InterruptedException;

    void stop() throws InterruptedException;

    /** Kills the server without a shutdown: a crash, for the nothing-lost tests. */
    void kill() throws InterruptedException;
}
