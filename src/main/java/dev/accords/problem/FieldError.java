package dev.accords.problem;

/** One invalid input: the JSON field or parameter name, and what is wrong with it. */
public record FieldError(String field, String message) {

    /** The bounds openapi.yaml declares; an unknown field's name is the client's own text. */
    static final int MAX_FIELD = 300;
    static final int MAX_MESSAGE = 500;

    FieldError bounded() {
        return new FieldError(Bounded.text(field, MAX_FIELD), Bounded.text(message, MAX_MESSAGE));
    }
}
