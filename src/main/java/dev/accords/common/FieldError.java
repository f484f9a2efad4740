package dev.accords.common;

/** One invalid input: the JSON field or parameter name, and what is wrong with it. */
public record FieldError(String field, String message) {
}
