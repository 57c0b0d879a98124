/**
 * Who answers the customer. {@link com.kfgateway.assistant.boundary.Assistant} takes a customer's message with its
 * recent history and returns an {@link com.kfgateway.assistant.entity.Answer}: the text to send, whether to hand the
 * customer over to a human, which engine answered and why.
 * <p>
 * Two engines: the built-in rules engine (keyword and regex rules from a plain text file, no network; the default)
 * and an OpenAI-compatible chat model (DeepSeek, Qwen, Moonshot, Ollama …) when {@code assistant.base-url} is set.
 * Handover phrases from the rules always win, and every model failure falls back to the rules.
 * <p>
 * Not here: sending the answer or changing the WeCom session state (delivery and conversation do that), storing
 * history (conversation passes it in), quotas and the 48-hour window.
 */
package com.kfgateway.assistant;
