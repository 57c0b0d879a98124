package com.kfgateway.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;

/**
 * Fills an H2 file database, migrated with the real {@code sql/} scripts, with a plausible inbox for the load run:
 * several KF accounts of unequal size, every service state, a few conversations with failed sends, Chinese and
 * English nicknames, and about ten messages per conversation. Fixed seed, so two runs build the same data.
 *
 * <p>Plants two search targets: {@link #COMMON_WORD} in roughly one message in eight (customer and bot), and
 * {@link #RARE_WORD} in exactly one message of the whole database.
 */
final class InboxSeed {

    static final String[] ACCOUNTS = {"wkSeedSales000001", "wkSeedSupport0002", "wkSeedAfterSale03",
        "wkSeedVip00000004", "wkSeedOverseas005"};
    /** Share of conversations per account, in percent. */
    private static final int[] ACCOUNT_SHARE = {40, 25, 15, 12, 8};
    /** NEW, BOT, QUEUED, HUMAN, ENDED in percent: most conversations are the bot's or finished. */
    private static final int[] STATE_SHARE = {5, 55, 5, 10, 25};
    static final String COMMON_WORD = "发货";
    static final String RARE_WORD = "琥珀色保温杯";
    static final Duration SPAN = Duration.ofDays(180);

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "宇", "欣怡", "子轩", "浩然", "梓涵", "一诺", "雨桐"};
    private static final String[] WESTERN = {"Anna Smith", "John Miller", "Maria Garcia", "Tom Becker", "Yuki Tanaka",
        "Lena Novak", "Sam Lee", "Olivia Brown"};
    private static final String[] CUSTOMER_TEXTS = {
        "你好，我的订单 %d 什么时候" + COMMON_WORD + "？", "请问你们周末营业吗？", "我想退货，怎么操作？",
        "发票可以开公司抬头吗", "Hi, do you ship to Germany?", "人工客服", "优惠券怎么用？", "收到的商品有破损，订单 %d",
        "可以改收货地址吗", "快递到哪了？单号 SF%d", "What is the return policy?", "谢谢！", "能便宜一点吗",
        "尺码偏大还是偏小？", "会员积分怎么查", "好的，明白了"};
    private static final String[] BOT_TEXTS = {
        "您好，我是智能客服，请问有什么可以帮您？", "订单一般在付款后 48 小时内" + COMMON_WORD + "，请耐心等待。",
        "退货请在订单详情页点击“申请售后”，我们会在 1 个工作日内处理。", "周一至周日 9:00-21:00 均有客服在线。",
        "发票可以开具公司抬头，请在订单备注中填写税号。", "已为您转接人工客服，请稍候。",
        "Yes, we ship to most EU countries; delivery takes 7-12 days.", "优惠券在结算页自动抵扣，每单限用一张。",
        "很抱歉给您带来不便，请提供破损照片，我们为您补发。", "地址修改需要在" + COMMON_WORD + "前完成，请提供新地址。"};
    private static final int[] FAILURE_CODES = {95018, 45009, 95017, 95016, 40001};
    private static final int BATCH = 1_000;

    record Counts(int conversations, long messages, long sendLog, Duration took) {
    }

    private InboxSeed() {
    }

    static String jdbcUrl(java.nio.file.Path dbFile) {
        return "jdbc:h2:file:" + dbFile.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** Migrates an empty database with the application's own migrations (target/classes/db/migration). */
    static void migrate(String url) {
        Flyway.configure(InboxSeed.class.getClassLoader()).dataSource(url, "sa", "")
                .locations("classpath:db/migration").load().migrate();
    }

    static Counts fill(String url, int conversations, int messagesPerConversation, Instant now) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(20261129L + conversations);
        long messages = 0;
        long sendLog = 0;
        long rareAt = conversations / 2 + 7;
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                PreparedStatement conversation = db.prepareStatement("insert into conversation (id, open_kfid, "
                        + "external_userid, nickname, nickname_fetched_at, service_state, servicer_userid, "
                        + "state_changed_at, last_message_at, last_message_preview, last_customer_message_at, "
                        + "failed_sends, unread, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement message = db.prepareStatement("insert into message (id, msgid, conversation_id, "
                        + "open_kfid, direction, sender, origin, msgtype, text, raw_json, sent_at, stored_at, handling)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement failed = db.prepareStatement("insert into send_log (id, msgid, conversation_id, "
                        + "kind, channel, part_no, part_count, text, status, attempts, last_errcode, last_errmsg, "
                        + "created_at, updated_at, open_kfid, external_userid) "
                        + "values (?,?,?,'ANSWER','SEND_MSG',1,1,?,'FAILED',?,?,?,?,?,?,?)")) {
            db.setAutoCommit(false);
            Instant first = now.minus(SPAN);
            long spanSeconds = SPAN.toSeconds();
            for (int id = 1; id <= conversations; id++) {
                // Conversations start spread over the span, in id order; the last message comes some time later.
                Instant created = first.plusSeconds(spanSeconds * (id - 1) / conversations + random.nextInt(600));
                int count = 1 + random.nextInt(2 * messagesPerConversation - 1);
                long activeSeconds = Math.min(Duration.between(created, now).toSeconds(),
                        (long) random.nextInt(3 * 24 * 3600) + 60);
                String account = pick(ACCOUNTS, ACCOUNT_SHARE, random);
                int state = pickIndex(STATE_SHARE, random);
                Instant last = created;
                Instant lastCustomer = null;
                String lastText = null;
                for (int n = 0; n < count; n++) {
                    boolean fromCustomer = n % 2 == 0;
                    Instant at = created.plusSeconds(activeSeconds * n / Math.max(1, count - 1));
                    String text = fromCustomer ? customerText(random) : BOT_TEXTS[random.nextInt(BOT_TEXTS.length)];
                    if (id == rareAt && n == 0) {
                        text = "上次买的" + RARE_WORD + "还有货吗？";
                    }
                    messages++;
                    message.setLong(1, messages);
                    message.setString(2, "seed" + messages);
                    message.setLong(3, id);
                    message.setString(4, account);
                    message.setString(5, fromCustomer ? "IN" : "OUT");
                    message.setString(6, fromCustomer ? "CUSTOMER" : "BOT");
                    message.setInt(7, fromCustomer ? 3 : 5);
                    message.setString(8, "text");
                    message.setString(9, text);
                    message.setString(10, "{\"msgtype\":\"text\"}");
                    message.setTimestamp(11, Timestamp.from(at));
                    message.setTimestamp(12, Timestamp.from(at));
                    message.setString(13, fromCustomer ? "ANSWERED" : "NONE");
                    message.addBatch();
                    last = at;
                    lastText = text;
                    if (fromCustomer) {
                        lastCustomer = at;
                    }
                }
                int failedSends = random.nextInt(100) < 3 ? 1 + random.nextInt(3) : 0;
                // Drawn in the original order (same data as earlier runs), batched once the recipient is known.
                List<Object[]> failures = new ArrayList<>();
                for (int f = 0; f < failedSends; f++) {
                    int errcode = FAILURE_CODES[random.nextInt(FAILURE_CODES.length)];
                    failures.add(new Object[]{errcode, BOT_TEXTS[random.nextInt(BOT_TEXTS.length)],
                        1 + random.nextInt(3)});
                }
                conversation.setLong(1, id);
                conversation.setString(2, account);
                String externalUserid = "wmSeed" + Integer.toString(id, 36) + "x" + random.nextInt(1_000_000);
                conversation.setString(3, externalUserid);
                for (Object[] failure : failures) {
                    sendLog++;
                    failed.setLong(1, sendLog);
                    failed.setString(2, "seedsend" + sendLog);
                    failed.setLong(3, id);
                    failed.setString(4, (String) failure[1]);
                    failed.setInt(5, (Integer) failure[2]);
                    failed.setInt(6, (Integer) failure[0]);
                    failed.setString(7, "seeded failure " + failure[0]);
                    failed.setTimestamp(8, Timestamp.from(last));
                    failed.setTimestamp(9, Timestamp.from(last));
                    // V7 made the recipient mandatory on the send log.
                    failed.setString(10, account);
                    failed.setString(11, externalUserid);
                    failed.addBatch();
                }
                conversation.setString(4, random.nextInt(100) < 8 ? null : nickname(random));
                conversation.setTimestamp(5, Timestamp.from(created));
                conversation.setInt(6, state);
                conversation.setString(7, state == 3 ? "servicer" + random.nextInt(12) : null);
                conversation.setTimestamp(8, Timestamp.from(last));
                conversation.setTimestamp(9, Timestamp.from(last));
                conversation.setString(10, lastText.length() > 200 ? lastText.substring(0, 200) : lastText);
                conversation.setTimestamp(11, lastCustomer == null ? null : Timestamp.from(lastCustomer));
                conversation.setInt(12, failedSends);
                conversation.setInt(13, state == 0 || state == 2 ? random.nextInt(4) : 0);
                conversation.setTimestamp(14, Timestamp.from(created));
                conversation.addBatch();
                // Parents before children: the message and send_log foreign keys point at conversation.
                if (id % BATCH == 0 || id == conversations) {
                    conversation.executeBatch();
                    message.executeBatch();
                    failed.executeBatch();
                    db.commit();
                }
            }
            try (Statement statement = db.createStatement()) {
                // The application allocates ids from these sequences; start them past the seeded rows.
                statement.execute("alter sequence conversation_seq restart with " + next(conversations));
                statement.execute("alter sequence message_seq restart with " + next(messages));
                statement.execute("alter sequence send_log_seq restart with " + next(sendLog));
                statement.execute("analyze");
            }
            db.commit();
        }
        return new Counts(conversations, messages, sendLog, Duration.ofNanos(System.nanoTime() - started));
    }

    private static long next(long used) {
        return (used / 50 + 2) * 50;
    }

    private static String customerText(SplittableRandom random) {
        String template = CUSTOMER_TEXTS[random.nextInt(CUSTOMER_TEXTS.length)];
        return template.contains("%d") ? String.format(template, 20260000 + random.nextInt(999_999)) : template;
    }

    private static String nickname(SplittableRandom random) {
        if (random.nextInt(100) < 6) {
            return WESTERN[random.nextInt(WESTERN.length)];
        }
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String pick(String[] values, int[] shares, SplittableRandom random) {
        return values[pickIndex(shares, random)];
    }

    private static int pickIndex(int[] shares, SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < shares.length; i++) {
            roll -= shares[i];
            if (roll < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
