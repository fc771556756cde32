package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.db.StoredTags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams a month's current usage lines (ChargeCategory {@code Usage}, not superseded) as the
 * engine's {@link UsageLine}s, ordered by provider and account, through a server-side cursor:
 * the driver holds {@value #FETCH_SIZE} rows at a time, never the month, and no entity is made.
 *
 * <p>A line's id is its file's content hash and its row number, zero-padded
 * ({@code <sha256>#0000000042}), not its database id: the engine breaks ties by line id, so an
 * id that does not depend on insertion order keeps a rerun after a crash identical to the last
 * digit. Tag maps and region and service names repeat across lines and are shared, not copied
 * per line; those caches are emptied when they grow past {@value #CACHED_AT_MOST} entries.
 */
final class MonthUsageCursor {

    private static final int FETCH_SIZE = 10_000;
    private static final int CACHED_AT_MOST = 50_000;

    private static final String COLUMNS = "select import_id, row_number, provider, account_id,"
            + " region_id, service_name, list_cost, effective_cost, consumed_quantity,"
            + " tags::text, resource_id from usage_line";

    private static final String LINES = COLUMNS
            + " where billing_month = ? and charge_category = 'Usage' and superseded_by is null"
            + " order by provider, account_id";

    private static final String ACCOUNT_LINES = COLUMNS
            + " where billing_month = ? and provider = ? and account_id = ?"
            + " and charge_category = 'Usage' and superseded_by is null";

    /**
     * The accounts with current lines in the month, in provider and account order: one index
     * probe per account (a skip scan written as a recursive query), where a plain
     * {@code distinct} would visit every line. An account with no Usage line among them
     * simply yields no lines.
     */
    private static final String ACCOUNTS = "with recursive account (provider, account_id) as ("
            + " (select provider, account_id from usage_line"
            + " where billing_month = ? and superseded_by is null"
            + " order by provider, account_id limit 1)"
            + " union all"
            + " select next.provider, next.account_id from account cross join lateral ("
            + " select u.provider, u.account_id from usage_line u"
            + " where u.billing_month = ? and u.superseded_by is null"
            + " and (u.provider, u.account_id) > (account.provider, account.account_id)"
            + " order by u.provider, u.account_id limit 1) next)"
            + " select provider, account_id from account";

    private static final String CONTENT_HASH = "select content_sha256 from import_batch where id = ?";

    private final Connection connection;
    private final YearMonth month;
    private final Map<Long, String> hashByImport = new HashMap<>();
    private final Map<String, Map<String, String>> tagsByJson = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param connection the transaction's connection, autocommit off: PostgreSQL keeps a cursor
     *                   only inside a transaction, and otherwise sends every row at once
     */
    MonthUsageCursor(Connection connection, YearMonth month) {
        this.connection = connection;
        this.month = month;
    }

    /** Hands every line to {@code lines}, in provider and account order. */
    void forEach(Consumer<UsageLine> lines) throws SQLException {
        read(LINES, List.of(month.toString()), lines);
    }

    /** The accounts that have lines in the month, in provider and account order. */
    List<Account> accounts() throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ACCOUNTS)) {
            query.setString(1, month.toString());
            query.setString(2, month.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accounts.add(new Account(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return accounts;
    }

    /** Hands every line of one account to {@code lines}. */
    void forEachOf(Account account, Consumer<UsageLine> lines) throws SQLException {
        read(ACCOUNT_LINES, List.of(month.toString(), account.provider(), account.accountId()), lines);
    }

    private void read(String sql, List<String> parameters, Consumer<UsageLine> lines)
            throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("a cursor needs a transaction; autocommit is on");
        }
        try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.accept(line(rows));
                }
            }
        }
    }

    private UsageLine line(ResultSet rows) throws SQLException {
        String lineId = contentHash(rows.getLong(1)) + "#" + zeroPadded(rows.getInt(2));
        return new UsageLine(lineId, shared(rows.getString(3)), shared(rows.getString(4)), month,
                shared(rows.getString(5)), shared(rows.getString(6)), rows.getBigDecimal(7),
                rows.getBigDecimal(8), rows.getBigDecimal(9), tags(rows.getString(10)),
                rows.getString(11));
    }

    /** The row number as {@code %010d} would print it, without the formatter's cost. */
    static String zeroPadded(int row) {
        String digits = Integer.toString(row);
        return digits.length() >= 10 || row < 0
                ? String.format("%010d", row)
                : "0000000000".substring(digits.length()) + digits;
    }

    private String contentHash(long importId) throws SQLException {
        String hash = hashByImport.get(importId);
        if (hash == null) {
            hash = lookUpContentHash(importId);
            hashByImport.put(importId, hash);
        }
        return hash;
    }

    private String lookUpContentHash(long importId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CONTENT_HASH)) {
            query.setLong(1, importId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("usage lines of import " + importId + ", which is gone");
                }
                return row.getString(1);
            }
        }
    }

    private Map<String, String> tags(String json) {
        Map<String, String> tags = tagsByJson.get(json);
        if (tags == null) {
            tags = Map.copyOf(StoredTags.parse(json));
            if (tagsByJson.size() >= CACHED_AT_MOST) {
                tagsByJson.clear();
            }
            tagsByJson.put(json, tags);
        }
        return tags;
    }


    private String shared(String name) {
        if (name == null) {
            return null;
        }
        String known = names.putIfAbsent(name, name);
        if (known == null && names.size() > CACHED_AT_MOST) {
            names.clear();
        }
        return known != null ? known : name;
    }

    /** One provider account of the month. */
    record Account(String provider, String accountId) {

        @Override
        public String toString() {
            return provider + "/" + accountId;
        }
    }
}
