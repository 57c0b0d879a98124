package com.kfgateway.assistant.control;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** One answer rule: keywords or a regex, and the answer. {@code number} counts rules from 1 in file order. */
record Rule(int number, int line, Phrases keywords, Pattern regex, String answer) {

    boolean matches(String customerText) {
        if (keywords != null) {
            return keywords.firstIn(customerText).isPresent();
        }
        String text = Normalizer.normalize(customerText == null ? "" : customerText, Normalizer.Form.NFKC);
        return regex.matcher(text).find();
    }

    String describe() {
        return "rule " + number + " (line " + line + ") matched";
    }
}
