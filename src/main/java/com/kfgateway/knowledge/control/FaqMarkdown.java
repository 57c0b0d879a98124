package com.kfgateway.knowledge.control;

import com.kfgateway.knowledge.entity.KnowledgeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An FAQ written as Markdown: one {@code ## <id> <title>} heading per entry, then its question lines ({@code 问：},
 * {@code Q:}) and its answer lines ({@code 答：}, {@code A:}); a line that starts with neither continues the one
 * before. Text before the first heading is the file's introduction and answers nothing. The entry id is the first
 * word of the heading (F01), so staff and the console name entries the way the file does.
 */
public final class FaqMarkdown {

    private static final Pattern HEADING = Pattern.compile("^##\\s+(\\S+)\\s*(.*)$");
    private static final Pattern QUESTION = Pattern.compile("^(?:问|Q)\\s*[：:]\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^(?:答|A)\\s*[：:]\\s*(.*)$");

    private FaqMarkdown() {
    }

    /** The entries in file order; entries without an answer are left out (they could not answer anyone). */
    public static List<KnowledgeEntry> parse(String markdown) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        Draft draft = null;
        for (String raw : markdown.replace("\r", "").split("\n")) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                add(entries, draft);
                draft = new Draft(heading.group(1), heading.group(2).strip());
                continue;
            }
            if (draft == null || line.isEmpty()) {
                continue;
            }
            Matcher question = QUESTION.matcher(line);
            Matcher answer = ANSWER.matcher(line);
            if (question.matches()) {
                draft.current = draft.question;
                draft.current.add(question.group(1));
            } else if (answer.matches()) {
                draft.current = draft.answer;
                draft.current.add(answer.group(1));
            } else if (draft.current != null && !draft.current.isEmpty()) {
                int last = draft.current.size() - 1;
                draft.current.set(last, draft.current.get(last) + " " + line);
            }
        }
        add(entries, draft);
        return entries;
    }

    private static void add(List<KnowledgeEntry> entries, Draft draft) {
        if (draft != null && !draft.answer.isEmpty()) {
            entries.add(new KnowledgeEntry(draft.id, draft.title, String.join("\n", draft.question),
                    String.join("\n", draft.answer)));
        }
    }

    private static final class Draft {
        final String id;
        final String title;
        final List<String> question = new ArrayList<>();
        final List<String> answer = new ArrayList<>();
        List<String> current;

        Draft(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }
}
