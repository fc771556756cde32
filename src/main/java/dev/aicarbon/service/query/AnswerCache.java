package dev.aicarbon.service.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers of read queries kept until the published figures change, so that dashboards asking
 * the same project's year again and again cost one primary-key read each, not the union of
 * both bases.
 *
 * <p>Each answer is kept with the value of the {@code data_generation} counter it was computed
 * at; the counter moves when a transaction that changes published figures commits (V8). The
 * counter is read again after any transaction of this replica ends, so a change made through
 * this replica is never answered from before it; a change made elsewhere (another replica,
 * the close CronJob) is seen within {@link #OTHERS_SEEN_WITHIN}. Reading the counter on every
 * request would cost a database round trip each, which the load test showed was most of what
 * a kept answer still cost. The counter is read before computing: a change committed meanwhile
 * makes the kept answer look old at the next read, which costs one recomputation, never a
 * stale answer. Past {@link #MAX_ANSWERS}
 * the cache is emptied rather than tracked entry by entry: answers are cheap to recompute
 * and the working set of a dashboard is far smaller.
 */
@ApplicationScoped
public class AnswerCache {

    static final int MAX_ANSWERS = 20_000;

    /** How soon a change committed by another process is seen. */
    static final java.time.Duration OTHERS_SEEN_WITHIN = java.time.Duration.ofMillis(250);

    private volatile boolean recheck = true;
    private volatile long generation;
    private volatile long checkedAtNanos;

    private final Map<Object, Kept> answers = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    private record Kept(long generation, Object answer) {
    }

    /** The answer for {@code key}, computed by {@code compute} unless kept since the last change. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long generation = generation();
        Kept kept = answers.get(key);
        if (kept != null && kept.generation() == generation) {
            return (T) kept.answer();
        }

        T answer = compute.get();
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(key, new Kept(generation, answer));
        return answer;
    }

    /** Any transaction of this replica that ends may have moved the counter. */
    void onTransactionEnd(@jakarta.enterprise.event.Observes
            @jakarta.enterprise.context.Destroyed(jakarta.transaction.TransactionScoped.class) Object ended) {
        recheck = true;
    }

    private long generation() {
        long now = System.nanoTime();
        if (recheck || now - checkedAtNanos > OTHERS_SEEN_WITHIN.toNanos()) {
            // Cleared before reading, so an end noticed meanwhile forces another read.
            recheck = false;
            generation = readGeneration();
            checkedAtNanos = now;
        }
        return generation;
    }

    private long readGeneration() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select value from data_generation where id = 1");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data generation", e);
        }
    }
}
