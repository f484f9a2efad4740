package dev.accords.http;

import dev.accords.problem.ApiException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.UriInfo;

/**
 * Parses path and query parameters by hand. JAX-RS turns a failed conversion of a path or query
 * parameter into a bare 404; parsing here lets the client hear which parameter is wrong and why.
 */
public final class RequestParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestParams() {
    }

    /**
     * Refuses query parameters the operation does not know, so a typo never silently widens a filter,
     * and empty values ({@code ?limit=}), which JAX-RS would pass on as if the parameter were absent.
     */
    public static void allowOnly(UriInfo uriInfo, String... known) {
        Set<String> allowed = Set.of(known);
        for (Map.Entry<String, List<String>> parameter : uriInfo.getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                throw ApiException.invalid(name, "unknown query parameter; allowed: " + String.join(", ", known));
            }
            if (parameter.getValue().stream().anyMatch(String::isEmpty)) {
                throw ApiException.invalid(name, "must not be empty; leave the parameter out instead");
            }
        }
    }

    public static UUID uuid(String name, String value) {
        // UUID.fromString alone is lenient: it reads "+fa85f64-..." as 0fa85f64-..., a different id.
        if (value != null && UUID_TEXT.matcher(value).matches()) {
            return UUID.fromString(value);
        }
        throw ApiException.invalid(name, "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6");
    }

    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(asciiInteger(value));
            if (limit < 1) {
                throw ApiException.invalid("limit", "must be at least 1");
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
    }

    public static Integer nonNegativeInt(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(asciiInteger(value));
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(name, "must be a non-negative integer");
    }

    /**
     * The value if it is written as a plain decimal integer. Integer.parseInt alone would also take
     * "+5", " 5" once stripped, and other scripts' digits ("١٢" is 12), none of which is an integer
     * in the contract's sense.
     */
    private static String asciiInteger(String value) {
        if (!value.matches("-?[0-9]{1,10}")) {
            throw new NumberFormatException(value);
        }
        return value;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + allowed(type));
        }
    }

    public static String pattern(String name, String value, String regex, String what) {
        if (value != null && !value.matches(regex)) {
            throw ApiException.invalid(name, "must be " + what);
        }
        return value;
    }

    public static String text(String name, String value, int maxLength) {
        if (value != null && (value.isEmpty() || value.length() > maxLength)) {
            throw ApiException.invalid(name, "must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
