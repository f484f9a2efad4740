package dev.accords.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Reads the whole database's content as a fingerprint per table, so a test can show that a refused
 * request changed nothing at all (not just the row it aimed at).
 */
@ApplicationScoped
public class DatabaseState {

    private static final List<String> TABLES = List.of("agreements", "agreement_parties", "clauses",
            "clause_positions", "clause_revisions", "signatories", "idempotency_keys", "agreement_events",
            "clause_proposals", "agreement_instruments");

    @Inject
    AgroalDataSource dataSource;

    public Map<String, String> fingerprint() {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                        + table + " t")) {
                    rows.next();
                    fingerprint.put(table, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fingerprint;
    }

    /** Changes data behind the API's back: only to simulate the passing of time (e.g. backdate openSince). */
    public void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
