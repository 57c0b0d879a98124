package com.kfgateway.admin.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The minimum an operator-chosen admin password must meet: long enough, not a repetition or a keyboard run, and not
 * a well-known password dressed up with digits, symbols or letter-for-digit swaps. Deliberately short: it refuses
 * what any password list would try first, it does not pretend to measure strength.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    static final int MIN_DISTINCT = 5;
    static final Set<String> COMMON = Set.of("password", "passwort", "qwerty", "qwertyuiop", "asdfgh", "letmein",
            "welcome", "admin", "administrator", "root", "changeme", "iloveyou", "secret", "default", "login",
            "test", "abc", "kfgateway", "wecom", "weixin", "wechat");
    private static final String RUNS = "abcdefghijklmnopqrstuvwxyz 01234567890 qwertyuiop asdfghjkl zxcvbnm";

    private PasswordRules() {
    }

    /** Why the password is refused, or empty when it may be used. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("it is shorter than " + MIN_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < MIN_DISTINCT) {
            return Optional.of("it repeats too few different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isRun(lower) || isRun(new StringBuilder(lower).reverse().toString())) {
            return Optional.of("it is a run of neighbouring keys or letters");
        }
        if (lower.chars().allMatch(Character::isDigit)) {
            return Optional.of("it is only digits");
        }
        String user = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        for (String core : cores(lower)) {
            if (!core.isEmpty() && (COMMON.contains(core) || core.equals(user))) {
                return Optional.of("it is a well-known password or the user name with digits or symbols added");
            }
        }
        return Optional.empty();
    }

    /** True when every character follows its predecessor on the alphabet, the digit row or a keyboard row. */
    private static boolean isRun(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (!RUNS.contains(value.substring(i - 1, i + 1))) {
                return false;
            }
        }
        return true;
    }

    /** The letters of the password as given, and of its middle read with letter-for-digit swaps. */
    private static List<String> cores(String lower) {
        String middle = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        return List.of(lower.replaceAll("[^a-z]", ""), unleet(middle).replaceAll("[^a-z]", ""));
    }

    private static String unleet(String value) {
        return value.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('5', 's')
                .replace('7', 't').replace('@', 'a').replace('$', 's').replace('!', 'i');
    }
}
