package dev.accords.provenance;

/**
 * How sure a source is: {@code REPORTED} (the news says so) or {@code CONFIRMED} (an official or a
 * party says so). Declared weakest first: {@link #compareTo} orders by strength.
 */
public enum Confidence {
    REPORTED, CONFIRMED
}
