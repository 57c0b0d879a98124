package com.kfgateway.delivery.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into kf/send_msg parts of at most 2048 UTF-8 <em>bytes</em> (WeCom counts bytes: one CJK character is
 * 3, an emoji 4), preferring a paragraph break, then a sentence end, then a space, and never cutting inside a code
 * point. A part is only cut early at a boundary when that keeps it at least half full; otherwise it is cut hard.
 */
public final class TextSplitter {

    public static final int MAX_TEXT_BYTES = 2048;

    private final int maxBytes;

    public TextSplitter() {
        this(MAX_TEXT_BYTES);
    }

    public TextSplitter(int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a part must hold at least one code point (4 bytes)");
        }
        this.maxBytes = maxBytes;
    }

    /** The parts in order, each trimmed and non-empty; an empty or blank text gives no parts. */
    public List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (!rest.isEmpty()) {
            int end = utf8Bytes(rest) <= maxBytes ? rest.length() : cutIndex(rest);
            String part = rest.substring(0, end).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(end).strip();
        }
        return parts;
    }

    /** The first part only: the longest sensible prefix within the limit. */
    public String first(String text) {
        List<String> parts = split(text);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    private int cutIndex(String text) {
        int hard = prefixWithin(text, maxBytes);
        int minimum = prefixWithin(text, maxBytes / 2);
        for (Boundary boundary : Boundary.values()) {
            int at = boundary.lastBefore(text, hard);
            if (at > 0 && at >= minimum) {
                return at;
            }
        }
        return hard;
    }

    /** The largest char index whose prefix fits {@code bytes} and does not split a surrogate pair. */
    static int prefixWithin(String text, int bytes) {
        int used = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int size = utf8Size(codePoint);
            if (used + size > bytes) {
                break;
            }
            used += size;
            index += Character.charCount(codePoint);
        }
        return index;
    }

    public static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Size(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Where a part may end, best first; each returns the index just after the boundary, or -1. */
    private enum Boundary {
        PARAGRAPH {
            @Override
            int lastBefore(String text, int limit) {
                int at = text.lastIndexOf("\n\n", limit - 2);
                return at < 0 ? -1 : at + 2;
            }
        },
        LINE {
            @Override
            int lastBefore(String text, int limit) {
                int at = text.lastIndexOf('\n', limit - 1);
                return at < 0 ? -1 : at + 1;
            }
        },
        SENTENCE {
            @Override
            int lastBefore(String text, int limit) {
                for (int i = limit - 1; i >= 0; i--) {
                    char c = text.charAt(i);
                    if (c == '。' || c == '！' || c == '？' || c == '；' || c == '…') {
                        return i + 1;
                    }
                    // ASCII marks end a sentence only before a space: "3.14" and "a.b.com" stay whole.
                    if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                            && Character.isWhitespace(text.charAt(i + 1))) {
                        return i + 1;
                    }
                }
                return -1;
            }
        },
        SPACE {
            @Override
            int lastBefore(String text, int limit) {
                for (int i = limit - 1; i > 0; i--) {
                    if (Character.isWhitespace(text.charAt(i))) {
                        return i;
                    }
                }
                return -1;
            }
        };

        abstract int lastBefore(String text, int limit);
    }
}
