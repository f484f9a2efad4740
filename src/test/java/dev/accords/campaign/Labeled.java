package dev.accords.campaign;

/** A generated value with what is wrong with it, e.g. ("charRemoved", a UUID with a digit missing). */
record Labeled<T>(String kind, T value) {

    static <T> Labeled<T> of(String kind, T value) {
        return new Labeled<>(kind, value);
    }
}
