package dev.accords.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures a reliability test measured, printed and kept in {@code target/reliability/<name>.txt}. */
final class Report {

    private final String name;
    private final List<String> lines = new ArrayList<>();

    Report(String name) {
        this.name = name;
    }

    Report line(String format, Object... args) {
        lines.add(String.format(java.util.Locale.ROOT, format, args));
        return this;
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    void publish() {
        String text = text();
        System.out.println("=== " + name + " ===\n" + text);
        Path file = Harness.workDirectory("figures").resolve(name + ".txt");
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
