package com.kfgateway.conversation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the conversation pipeline. */
@ApplicationScoped
public class ConversationConfig {

    /** Customer messages older than this when first pulled are recorded, not answered (history on first start). */
    @Inject
    @ConfigProperty(name = "conversation.answer-max-age-minutes", defaultValue = "10")
    int answerMaxAgeMinutes;

    /** Who gets the staff notification on handover (userids joined by "|", or "@all"); nobody unless set. */
    @Inject
    @ConfigProperty(name = "conversation.notify-to")
    Optional<String> notifyTo;

    /** A stored service state older than this is re-read with kf/service_state/get before answering. */
    @Inject
    @ConfigProperty(name = "conversation.state-max-age-minutes", defaultValue = "10")
    int stateMaxAgeMinutes;

    /** How often every known account is pulled without a callback, as a safety net under lost ones. */
    @Inject
    @ConfigProperty(name = "conversation.safety-pull-minutes", defaultValue = "5")
    int safetyPullMinutes;

    /** Where the message-text index lives: beside the database by default; one directory per running gateway. */
    @Inject
    @ConfigProperty(name = "conversation.search-index-dir", defaultValue = "./data/search-index")
    String searchIndexDir;

    public java.nio.file.Path searchIndexDir() {
        return java.nio.file.Path.of(searchIndexDir);
    }

    public Duration safetyPullInterval() {
        return Duration.ofMinutes(Math.max(1, safetyPullMinutes));
    }

    public Duration answerMaxAge() {
        return Duration.ofMinutes(Math.max(0, answerMaxAgeMinutes));
    }

    /** Empty when unset: customers' words go to nobody by default, not to the whole corp. */
    public Optional<String> notifyTo() {
        return notifyTo.map(String::trim).filter(to -> !to.isEmpty());
    }

    public Duration stateMaxAge() {
        return Duration.ofMinutes(Math.max(0, stateMaxAgeMinutes));
    }
}
