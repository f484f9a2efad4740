package dev.accords.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problems of a body Jackson could not read, for ProblemResponses: the JSON path of the bad field
 * as the client wrote it, what was expected there, and never a Java type or Jackson's own wording.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException failure, String instance) {
        // A duplicate or a syntax error inside a list reaches us readError, with the path to the object
        // Jackson was building; either way the body is broken JSON, not a bad value at that path.
        StreamReadException readError = ProblemResponses.cause(failure, StreamReadException.class);
        String name = readError == null ? null : duplicateField(readError);
        if (name != null) {
            String field = failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? jsonPath(mapping) + "." + name : name;
            return ProblemResponses.problem(ProblemCode.MALFORMED_REQUEST_BODY,
                    "the body has a duplicate field \"" + clientText(field) + "\"" + at(readError), instance);
        }
        if (readError instanceof JsonParseException syntax && syntax != failure) {
            return ProblemResponses.problem(ProblemCode.MALFORMED_REQUEST_BODY, "the body is not valid JSON" + at(syntax),
                    instance);
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return ProblemResponses.invalid(field, "unknown field; allowed: " + String.join(", ",
                    unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()), instance);
        }
        if (failure instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = String.join(", ", java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).toList());
            return ProblemResponses.invalid(jsonPath(format), "must be one of " + allowed, instance);
        }
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ProblemResponses.invalid(jsonPath(mismatch), "has the wrong type or format; expected "
                    + describe(mismatch.getTargetType()), instance);
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ProblemResponses.invalid(jsonPath(mapping), "has an invalid value", instance);
        }
        if (failure instanceof StreamReadException read && read.getLocation() != null) {
            return ProblemResponses.problem(ProblemCode.MALFORMED_REQUEST_BODY, "the body is not valid JSON" + at(read), instance);
        }
        return ProblemResponses.problem(ProblemCode.MALFORMED_REQUEST_BODY, "the body is not a valid JSON document of the expected shape",
                instance);
    }

    private static String at(StreamReadException failure) {
        return failure.getLocation() == null ? ""
                : " (line " + failure.getLocation().getLineNr() + ", column " + failure.getLocation().getColumnNr() + ")";
    }

    /**
     * The name of a field the body holds twice, or null. Jackson's strict duplicate detection
     * (JacksonStrictness) says so only in its message, "Duplicate field 'title'", with no type of its own.
     */
    private static String duplicateField(StreamReadException failure) {
        String message = failure.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix) || !message.endsWith("'") || message.length() <= prefix.length()) {
            return null;
        }
        return message.substring(prefix.length(), message.length() - 1);
    }

    /** Text the client sent, cut to 100 characters: a detail never echoes unbounded input. */
    static String clientText(String text) {
        return Bounded.text(text, 100);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        return "an object";
    }

    private static String jsonPath(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
