package dev.accords.support;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the application logs while a test runs, through a handler on the root logger. Each
 * record is read by {@code reader} as it is published, on the thread that logs it, so that what
 * lives only there (the MDC) can be read too; records it reads as null are left out.
 */
public final class LogCapture<T> implements AutoCloseable {

    private final List<T> lines = new CopyOnWriteArrayList<>();
    private final Handler handler;

    private LogCapture(Function<LogRecord, T> reader) {
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                T line = reader.apply(record);
                if (line != null) {
                    lines.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
    }

    public static <T> LogCapture<T> start(Function<LogRecord, T> reader) {
        return new LogCapture<>(Objects.requireNonNull(reader));
    }

    /** What was captured so far, in order. */
    public List<T> lines() {
        return lines;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
