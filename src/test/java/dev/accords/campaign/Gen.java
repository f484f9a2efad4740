package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values, drawn from a seeded {@link SplittableRandom}: the same seed gives the
 * same values, so a run of the bad-input campaign is reproduced from the seed it prints.
 *
 * <p><b>Why we hand-write this</b> instead of using a property-testing library: the only mainstream
 * Java ones are jqwik, whose terms since 1.10 ask that AI coding agents not use it (which excludes
 * this project), and QuickTheories, unmaintained since 2019. The campaign needs little of what they
 * offer: no shrinking (a failure is reported with the exact request, which is short enough to read)
 * and no engine of their own ({@code @QuarkusTest} is a JUnit Jupiter extension). What it needs is
 * this: seeded choice, weighting, mapping and filtering, in about a hundred lines.
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many draws {@link #filter} tries before it calls the generator broken rather than unlucky. */
    int FILTER_TRIES = 1_000;

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /**
     * Only values that pass; a generator whose values almost never pass is a bug in the generator, and
     * fails loudly instead of looping.
     */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int i = 0; i < FILTER_TRIES; i++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("no value passed the filter in " + FILTER_TRIES + " draws");
        };
    }

    /** Lists of {@code min} to {@code max} values, both inclusive. */
    default Gen<List<T>> list(int min, int max) {
        Gen<Integer> sizes = between(min, max);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    static <A, B, R> Gen<R> combine(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
        return random -> combiner.apply(first.next(random), second.next(random));
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the values, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<? extends T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** An integer from {@code min} to {@code max}, both inclusive. */
    static Gen<Integer> between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return random -> random.nextInt(min, max + 1);
    }

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    static Gen<Long> longs() {
        return SplittableRandom::nextLong;
    }

    /** Strings of {@code min} to {@code max} characters taken from {@code alphabet}. */
    static Gen<String> strings(String alphabet, int min, int max) {
        return of(alphabet.chars().mapToObj(c -> (char) c).toList()).list(min, max).map(chars -> {
            StringBuilder text = new StringBuilder(chars.size());
            chars.forEach(text::append);
            return text.toString();
        });
    }

    static Gen<byte[]> bytes(int min, int max) {
        Gen<Integer> sizes = between(min, max);
        return random -> {
            byte[] bytes = new byte[sizes.next(random)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return bytes;
        };
    }

    /** One of the generators, each as likely as the others. */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
        if (generators.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<? extends Gen<? extends T>> copy = List.copyOf(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return oneOf(List.of(generators));
    }

    /** A generator with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> generator) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight " + weight);
            }
        }
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** One of the generators, each chosen in proportion to its weight. */
    static <T> Gen<T> frequency(List<Weighted<T>> weighted) {
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<Weighted<T>> copy = List.copyOf(weighted);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int ticket = random.nextInt(total);
            for (Weighted<T> option : copy) {
                ticket -= option.weight();
                if (ticket < 0) {
                    return option.generator().next(random);
                }
            }
            throw new AssertionError("weights changed under us");
        };
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... weighted) {
        return frequency(List.of(weighted));
    }
}
