package com.kfgateway.conversation.entity;

/** What became of a console transfer: {@code done} with the state now in effect, else the errcode and why. */
public record TransferOutcome(boolean done, ServiceState state, Integer errcode, String reason) {
}
