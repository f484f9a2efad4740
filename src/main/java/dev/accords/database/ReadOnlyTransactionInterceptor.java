package dev.accords.database;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs just inside the transaction interceptor (Narayana's runs at priority 200), so the
 * transaction-scoped session it adjusts is the one the method uses, and is discarded with the
 * transaction: nothing needs resetting afterwards.
 */
@Interceptor
@ReadOnlyTransaction
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class ReadOnlyTransactionInterceptor {

    @Inject
    Session session;

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        return invocation.proceed();
    }
}
