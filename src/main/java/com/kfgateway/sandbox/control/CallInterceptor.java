package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import java.util.function.Supplier;

/**
 * The one seam in the simulator's request path. The sandbox runs with {@link #NONE}; tests install their fault
 * harness (src/test: {@code SimulatorFaults}) to hold a call back, answer an HTTP error or an errcode in WeCom's
 * place, or answer an errcode after the effect. Package-private, so the product and the sandbox pages cannot reach
 * it. An interface with one production implementation (doing nothing) because its other one must not ship.
 */
interface CallInterceptor {

    CallInterceptor NONE = new CallInterceptor() {
    };

    /** Called before the simulator's lock is taken, so waiting here holds back this call and no other. */
    default void arriving(String api) {
    }

    /**
     * Called under the simulator's lock for a call to a known API with a parseable body ({@code call.token()} is
     * still null: the token is checked by {@code route}). Answers by {@code route.get()}, which has the effect; by
     * another answer without calling it (no effect); or by throwing {@link ApiError}, before or after calling it.
     * The call log records whatever comes out.
     */
    default SimulatorResponse around(ApiRequest call, Supplier<SimulatorResponse> route) {
        return route.get();
    }
}
