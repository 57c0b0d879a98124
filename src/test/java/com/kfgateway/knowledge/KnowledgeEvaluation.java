package com.kfgateway.knowledge;

import com.kfgateway.knowledge.control.AnswerConfidence;
import com.kfgateway.knowledge.control.FaqMarkdown;
import com.kfgateway.knowledge.control.KnowledgeFields;
import com.kfgateway.knowledge.control.KnowledgeIndex;
import com.kfgateway.knowledge.entity.KnowledgeEntry;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base's evaluation (README "Knowledge base"): the sandbox shop's FAQ against a question set written
 * the way customers type, for every retrieval option tried. Prints recall@1 and recall@3 over the questions the FAQ
 * answers, and how often an answer would be given with confidence where it is wrong: for questions the FAQ cannot
 * answer (the goal's measure) and for those it can. Not a test; nothing asserts.
 * <pre>java -cp "$CP" com.kfgateway.knowledge.KnowledgeEvaluation [--misses]</pre>
 */
public final class KnowledgeEvaluation {

    private record Case(String expected, String question) {
        boolean inScope() {
            return !expected.equals("-");
        }
    }

    private KnowledgeEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        boolean misses = List.of(args).contains("--misses");
        List<KnowledgeEntry> faq = FaqMarkdown.parse(resource("/knowledge/sandbox-shop-faq.md"));
        List<Case> cases = cases(resource("/knowledge/sandbox-shop-questions.tsv"));
        long inScope = cases.stream().filter(Case::inScope).count();
        System.out.printf(Locale.ROOT, "%d FAQ entries; %d questions, %d answerable, %d not%n%n", faq.size(),
                cases.size(), inScope, cases.size() - inScope);
        System.out.println("| fields | recall@1 | recall@3 | confident and wrong, unanswerable | confident and wrong,"
                + " answerable | answered, answerable | index ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (List<String> names : List.of(List.of("zh"), List.of("cjk"), List.of("en"), List.of("zh", "en"),
                List.of("cjk", "en"), List.of("zh", "cjk", "en"))) {
            long start = System.nanoTime();
            KnowledgeIndex index = KnowledgeIndex.of(faq, new KnowledgeFields(names));
            double indexMs = (System.nanoTime() - start) / 1e6;
            evaluate(String.join("+", names), index, cases, indexMs, misses
                    && names.equals(KnowledgeFields.DEFAULT.names()));
        }
        searchTimes(KnowledgeIndex.of(faq), cases);
    }

    /** Each question searched 50 times after a warm-up of as many: the time one answer's search adds. */
    private static void searchTimes(KnowledgeIndex index, List<Case> cases) {
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            for (Case c : cases) {
                long start = System.nanoTime();
                AnswerConfidence.DEFAULT.confident(index.search(c.question(), 3));
                if (round >= 50) {
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
        nanos.sort(null);
        System.out.printf(Locale.ROOT, "%nsearch + decision, default fields, %d runs: p50 %.2f ms, p95 %.2f ms, "
                + "max %.2f ms%n", nanos.size(), nanos.get(nanos.size() / 2) / 1e6,
                nanos.get((int) (nanos.size() * 0.95)) / 1e6, nanos.get(nanos.size() - 1) / 1e6);
    }

    private static void evaluate(String name, KnowledgeIndex index, List<Case> cases, double indexMs,
            boolean printMisses) {
        int at1 = 0;
        int at3 = 0;
        int answerable = 0;
        int unanswerable = 0;
        int wrongOut = 0;
        int wrongIn = 0;
        int answeredIn = 0;
        List<String> notes = new ArrayList<>();
        for (Case c : cases) {
            List<KnowledgeHit> hits = index.search(c.question(), 3);
            boolean confident = !hits.isEmpty() && AnswerConfidence.DEFAULT.confident(hits);
            String top = hits.isEmpty() ? "-" : hits.get(0).entry().sourceId();
            if (c.inScope()) {
                answerable++;
                if (top.equals(c.expected())) {
                    at1++;
                }
                if (hits.stream().anyMatch(h -> h.entry().sourceId().equals(c.expected()))) {
                    at3++;
                }
                if (confident) {
                    answeredIn++;
                    if (!top.equals(c.expected())) {
                        wrongIn++;
                    }
                }
            } else {
                unanswerable++;
                if (confident) {
                    wrongOut++;
                }
            }
            if (printMisses && (c.inScope() ? !top.equals(c.expected()) || !confident : confident)) {
                notes.add(String.format(Locale.ROOT, "  %s expected %s, got %s %s", c.question(), c.expected(),
                        hits.stream().map(h -> String.format(Locale.ROOT, "%s(%.2f, %.2f)", h.entry().sourceId(),
                                h.score(), h.coverage())).toList(),
                        confident ? "CONFIDENT" : ""));
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1f %% (%d of %d) | %.1f %% | %.2f | %.1f |%n", name,
                (double) at1 / answerable, (double) at3 / answerable, 100.0 * wrongOut / unanswerable, wrongOut,
                unanswerable, 100.0 * wrongIn / answerable, (double) answeredIn / answerable, indexMs);
        notes.forEach(System.out::println);
    }

    private static List<Case> cases(String tsv) {
        return tsv.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", 2))
                .map(parts -> new Case(parts[0].strip(), parts[1].strip())).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = KnowledgeEvaluation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
