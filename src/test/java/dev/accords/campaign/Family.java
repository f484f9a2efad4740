package dev.accords.campaign;

import java.util.function.Function;
import java.util.function.Predicate;

import dev.accords.contract.Contract.Operation;

/**
 * One kind of defect: its name (what the campaign counts by), its weight in the mix for an operation,
 * the operations it applies to, and how it breaks a request to one of them.
 */
record Family(String name, int weight, Predicate<Operation> appliesTo, Function<Operation, Gen<BadRequest>> requests) {
}
