package com.kfgateway.assistant.control;

import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;

/** Something that answers a customer: the {@link RulesEngine} or the {@link ChatModelClient}. Never throws. */
public interface AnswerEngine {

    Answer answer(Question question);
}
