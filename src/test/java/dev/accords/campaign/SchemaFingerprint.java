package dev.accords.campaign;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Every table of the application's schema (found afresh, so a table added by a later migration is
 * covered), as its row count and a hash of all its rows; with how many were taken and how long they took.
 */
final class SchemaFingerprint {

    private final DataSource dataSource;
    private long nanos;
    private int taken;

    SchemaFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, String> take() {
        long started = System.nanoTime();
        taken++;
        try {
            return read();
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    int taken() {
        return taken;
    }

    long seconds() {
        return nanos / 1_000_000_000L;
    }

    /** The tables whose fingerprint differs. */
    static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        List<String> tables = new ArrayList<>();
        after.forEach((table, print) -> {
            if (!print.equals(before.get(table))) {
                tables.add(table);
            }
        });
        return tables;
    }

    private Map<String, String> read() {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                    + "and table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, "
                        + "'|' order by t::text)), '') from \"" + table + "\" t")) {
                    rows.next();
                    fingerprint.put(table, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fingerprint;
    }
}
