package dev.accords.agreement;

import dev.accords.problem.ApiException;

/** {@code sort=createdAt|-createdAt|updatedAt|-updatedAt}; the minus means descending. */
public record AgreementSort(String field, boolean descending) {

    public static AgreementSort parse(String value) {
        if (value == null) {
            return new AgreementSort("createdAt", false);
        }
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        if (!field.equals("createdAt") && !field.equals("updatedAt")) {
            throw ApiException.invalid("sort", "must be one of createdAt, -createdAt, updatedAt, -updatedAt");
        }
        return new AgreementSort(field, descending);
    }

    public String token() {
        return (descending ? "-" : "") + field;
    }
}
