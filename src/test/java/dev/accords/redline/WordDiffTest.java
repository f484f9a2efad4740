package dev.accords.redline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.accords.redline.TextOperation.Kind;

/** The comparison's one promise, checked on many texts: the operations give both texts back exactly. */
class WordDiffTest {

    private static final String[] WORDS = {"the", "parties", "agree", "fund", "Ukraine", "peace", "—", "é", "😀", "a,"};
    private static final String[] SPACES = {" ", "  ", "\n", "\t", " \n "};

    @Test
    void shouldGiveBothTextsBackExactlyFromTheOperations() {
        Random random = new Random(14);
        for (int i = 0; i < 500; i++) {
            String from = text(random);
            String to = random.nextBoolean() ? mutate(from, random) : text(random);
            List<TextOperation> operations = WordDiff.compare(from, to, "a", "UA").operations();
            assertThat(joined(operations, Kind.DELETE)).isEqualTo(from);
            assertThat(joined(operations, Kind.INSERT)).isEqualTo(to);
        }
    }

    @Test
    void shouldStayExactWhenTheSearchGivesUp() {
        Random random = new Random(3);
        String from = text(random);
        String to = text(random);
        WordDiff.Result coarse = WordDiff.compare("keep " + from + " end", "keep " + to + " end", "a", "UA", 1);
        assertThat(coarse.coarse()).isTrue();
        assertThat(coarse.operations()).extracting(TextOperation::op).first().isEqualTo(Kind.EQUAL);
        assertThat(joined(coarse.operations(), Kind.DELETE)).isEqualTo("keep " + from + " end");
        assertThat(joined(coarse.operations(), Kind.INSERT)).isEqualTo("keep " + to + " end");
    }

    @Test
    void shouldAnswerCoarselyForTwoLongUnrelatedTexts() {
        String from = "alpha ".repeat(3000);
        String to = "beta ".repeat(3000);
        WordDiff.Result result = WordDiff.compare(from, to, "a", "UA");
        assertThat(result.coarse()).isTrue();
        assertThat(joined(result.operations(), Kind.DELETE)).isEqualTo(from);
        assertThat(joined(result.operations(), Kind.INSERT)).isEqualTo(to);
    }

    @Test
    void shouldAttributeChangesOnlyAndKeepWhitespaceAsItsOwnToken() {
        List<TextOperation> operations = WordDiff.compare("one  two", "one three", "ua", "UA").operations();
        assertThat(operations).containsExactly(
                new TextOperation(Kind.EQUAL, "one", null, null),
                new TextOperation(Kind.DELETE, "  two", "ua", "UA"),
                new TextOperation(Kind.INSERT, " three", "ua", "UA"));
        assertThat(WordDiff.compare("", "", "ua", "UA").operations()).isEmpty();
    }

    @Test
    void shouldJoinTwoChangesSeparatedOnlyByWhitespace() {
        assertThat(WordDiff.compare("to obtain assurances needed", "to obtain security guarantees needed", "ua", "UA")
                .operations()).containsExactly(
                new TextOperation(Kind.EQUAL, "to obtain ", null, null),
                new TextOperation(Kind.DELETE, "assurances ", "ua", "UA"),
                new TextOperation(Kind.INSERT, "security guarantees ", "ua", "UA"),
                new TextOperation(Kind.EQUAL, "needed", null, null));
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(30);
        for (int i = 0; i < words; i++) {
            if (random.nextInt(4) == 0 || i > 0) {
                text.append(SPACES[random.nextInt(SPACES.length)]);
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextBoolean()) {
            text.append(SPACES[random.nextInt(SPACES.length)]);
        }
        return text.toString();
    }

    /** A few words replaced, inserted or removed, so most of the text stays in common. */
    private static String mutate(String text, Random random) {
        List<String> tokens = new java.util.ArrayList<>(WordDiff.tokens(text));
        for (int i = 0; i < 3 && !tokens.isEmpty(); i++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(3)) {
                case 0 -> tokens.set(at, WORDS[random.nextInt(WORDS.length)]);
                case 1 -> tokens.add(at, WORDS[random.nextInt(WORDS.length)] + " ");
                default -> tokens.remove(at);
            }
        }
        return String.join("", tokens);
    }

    private static String joined(List<TextOperation> operations, Kind kept) {
        return operations.stream().filter(op -> op.op() == Kind.EQUAL || op.op() == kept).map(TextOperation::text)
                .collect(Collectors.joining());
    }
}
