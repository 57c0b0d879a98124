package com.kfgateway.knowledge.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Which analyses an entry is indexed and a question searched with. {@code zh}: Chinese words (smartcn's
 * dictionary segmentation: 退款 / 到账); {@code cjk}: overlapping Chinese character pairs (退款 款到 到账), which
 * still meet when customer and FAQ segment a phrase differently; {@code en}: English stems without stop words
 * (refunds → refund). The evaluation compares the combinations; {@link #DEFAULT} is the one it chose.
 */
public record KnowledgeFields(List<String> names) {

    public static final KnowledgeFields DEFAULT = new KnowledgeFields(List.of("zh", "cjk", "en"));

    static final String ASKED = "_asked";
    static final String ANSWERED = "_answered";
    /** A word of an entry's title or questions counts more than one of its answer. */
    static final float ASKED_BOOST = 2f;

    /** Words and characters that say nothing about what is asked (particles, pronouns, question words). */
    private static final Set<String> FILLER = Set.of("吗", "呢", "啊", "吧", "呀", "的", "了", "我", "你", "您", "你们",
            "我们", "是", "有", "可以", "能", "能不能", "怎么", "怎么办", "什么", "多少", "在", "和", "要", "想", "这个",
            "那个", "一下", "请问", "还", "都", "就", "也", "不", "没", "会", "个", "么", "怎", "什", "哪", "们", "请",
            "帮", "给", "让", "到", "用", "下", "一", "问", "几", "多", "久", "为", "谁", "吗？", "?", "？");

    public KnowledgeFields {
        names = List.copyOf(names);
    }

    /** English words too common in questions to say what is asked (Lucene's stop set keeps them). */
    private static final Set<String> ENGLISH_FILLER = Set.of("i", "me", "my", "you", "your", "we", "us", "our", "do",
            "doe", "can", "could", "would", "should", "how", "what", "when", "where", "why", "who", "which", "get",
            "have", "ha", "please", "much", "mani", "long", "am", "want", "need", "know", "tell", "it", "is", "make");

    static boolean isFiller(String token) {
        return FILLER.contains(token) || ENGLISH_FILLER.contains(token);
    }

    /**
     * The fields a text is searched in: Chinese ones when it has Chinese characters, English ones when it has latin
     * letters (both for a mixed text), so that one script's words are never read with the other's analysis.
     */
    List<String> forText(String text) {
        boolean han = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        boolean latin = text.codePoints().anyMatch(c -> c < 0x250 && Character.isLetter(c));
        List<String> chosen = names.stream().filter(name -> name.equals("en") ? latin || !han : han || !latin)
                .toList();
        return chosen.isEmpty() ? names : chosen;
    }

    Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String name : names) {
            Analyzer analyzer = switch (name) {
                case "zh" -> new SmartChineseAnalyzer();
                case "cjk" -> bigrams();
                case "en" -> new EnglishAnalyzer();
                default -> throw new IllegalArgumentException("no such knowledge field: " + name);
            };
            perField.put(name + ASKED, analyzer);
            perField.put(name + ANSWERED, analyzer);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    /** Full-width forms folded, then Chinese characters as overlapping pairs, a lone one kept as itself. */
    private static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)),
                        CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA, false);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
