package dev.accords.agreement;

/** Tags and topics are lowercase kebab-case: {@code natural-resources}. */
public final class Tags {
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lowercase kebab-case, e.g. natural-resources";

    private Tags() {
    }
}
