package dev.hypercare.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The pattern every strict loader's tests share: a folder of invalid files, each with the exact one-line
 * message it must get, and a check that no fixture is left without one.
 */
public final class InvalidFixtures {
    private InvalidFixtures() {}

    /** (fixture name, expected message after the file name), sorted, for a parameterized test. */
    public static Stream<Arguments> cases(Map<String, String> expected) {
        return expected.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Loading {@code file} fails with exactly {@code file + expectedAfterFileName}, on one line. */
    public static void assertOneLineMessage(Path file, String expectedAfterFileName, ThrowingCallable load) {
        assertThatThrownBy(load)
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + expectedAfterFileName)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    public static void assertEveryFixtureListed(Path folder, Map<String, String> expected) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
    }
}
