package dev.accords.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a {@code @Transactional} read of several statements that must agree: the transaction's
 * session loads entities read-only and never flushes ({@link ReadOnlyTransactionInterceptor}), so
 * Hibernate keeps no snapshot of them and runs no dirty check at commit. A read of one statement
 * needs no transaction at all: see {@link StatelessReads}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnlyTransaction {
}
