package dev.accords.database;

import org.hibernate.dialect.PostgreSQLDialect;

/**
 * PostgreSQL as Hibernate knows it, except that a locking query may outer-join: a clause change
 * locks the clause row and reads its positions (which may be none) in one statement,
 * {@code select ... from clauses c left join clause_positions p ... for no key update of c}.
 * PostgreSQL refuses to lock the nullable side of an outer join, not the other side, and with
 * {@code Locking.Scope.ROOT_ONLY} Hibernate names only the root's alias after {@code of}. Hibernate's
 * dialect says no to all outer joins, which costs a second statement (a follow-on lock) per change.
 */
public class AccordsPostgreSQLDialect extends PostgreSQLDialect {

    @Override
    public boolean supportsOuterJoinForUpdate() {
        return true;
    }
}
