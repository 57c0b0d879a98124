package com.kfgateway.sandbox.entity;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer of the simulator, independent of the server that carries it. Status 0 is no answer at all: the
 * server closes the connection instead, as a network that drops it mid-call would.
 */
public record SimulatorResponse(int httpStatus, String contentType, byte[] body) {

    public static SimulatorResponse noAnswer() {
        return new SimulatorResponse(0, "text/plain", new byte[0]);
    }

    public boolean answered() {
        return httpStatus != 0;
    }

    public static SimulatorResponse json(String json) {
        return new SimulatorResponse(200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }
}
