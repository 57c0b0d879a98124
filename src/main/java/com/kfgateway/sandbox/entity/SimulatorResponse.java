package com.kfgateway.sandbox.entity;

import java.nio.charset.StandardCharsets;

/** One HTTP answer of the simulator, independent of the server that carries it. */
public record SimulatorResponse(int httpStatus, String contentType, byte[] body) {

    public static SimulatorResponse json(String json) {
        return new SimulatorResponse(200, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }
}
