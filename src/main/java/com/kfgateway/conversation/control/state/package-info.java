/**
 * A session's service state (0 new, 1 bot, 2 queue, 3 human, 4 ended) as WeCom moves it and as we move it:
 * {@link com.kfgateway.conversation.control.state.StateRules} (pure: what events and messages mean, when the bot or
 * staff may send), {@link com.kfgateway.conversation.control.state.StateLog} (every change with its source and
 * history row), {@link com.kfgateway.conversation.control.state.SessionStates} (ask WeCom, record the answer) and
 * {@link com.kfgateway.conversation.control.state.SessionTransfer}, the one trans-then-record used by the console,
 * the gate and the handover.
 * <p>
 * Not here: deciding to hand over (answering, the assistant), notices and staff alerts (handover).
 */
package com.kfgateway.conversation.control.state;
