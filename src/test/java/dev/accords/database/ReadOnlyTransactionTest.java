package dev.accords.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.accords.agreement.AgreementRepository;
import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/** What {@link ReadOnlyTransaction} promises: an entity a read loads is never written back. */
@QuarkusTest
class ReadOnlyTransactionTest extends ApiTest {

    @Inject
    Reads reads;

    @Test
    void shouldNeverWriteBackAnEntityLoadedInAReadOnlyTransaction() {
        String id = Fixtures.agreement();
        reads.touchTitleInReadOnlyTransaction(UUID.fromString(id));
        assertThat(title(id)).isNotEqualTo(Reads.TOUCHED);
    }

    /** The control: without the annotation the very same code is written back, so the test above can fail. */
    @Test
    void shouldWriteBackTheSameChangeInAnOrdinaryTransaction() {
        String id = Fixtures.agreement();
        reads.touchTitleInOrdinaryTransaction(UUID.fromString(id));
        assertThat(title(id)).isEqualTo(Reads.TOUCHED);
    }

    private static String title(String id) {
        return api().get("/v1/agreements/" + id).then().statusCode(200).extract().path("title");
    }

    /** A read that (wrongly) changes what it loaded, as a bug in a read path would. */
    @ApplicationScoped
    static class Reads {

        static final String TOUCHED = "Changed by a read";

        @Inject
        AgreementRepository agreements;

        @Transactional
        @ReadOnlyTransaction
        void touchTitleInReadOnlyTransaction(UUID id) {
            agreements.require(id).title = TOUCHED;
        }

        @Transactional
        void touchTitleInOrdinaryTransaction(UUID id) {
            agreements.require(id).title = TOUCHED;
        }
    }
}
