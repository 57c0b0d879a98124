package com.kfgateway.assistant.entity;

/**
 * The assistant's reply. {@code handover} asks the caller to pass the customer to a human after sending the text;
 * {@code engine} names who answered ("rules", "model"); {@code note} says why, for the console ("rule 3 (line 21)
 * matched", "model timed out after 20 s → rules fallback").
 */
public record Answer(String text, boolean handover, String engine, String note) {
}
