package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md honest: every line of every {@code java} code block must appear in the compiled
 * sources under {@code examples/} (main and test sources of every module there, whitespace aside),
 * so a snippet that stops compiling fails this test.
 */
final class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static String normalize(String line) {
        String code = line.replaceAll("//.*$", "");
        return code.replaceAll("\\s+", "");
    }

    @Test
    void everyJavaSnippetLine_appearsInTheCompiledExamples() throws IOException {
        String readme =
                Files.readString(
                        Path.of(System.getProperty("dynamorm.readme")), StandardCharsets.UTF_8);
        String sources;
        try (Stream<Path> files =
                Files.walk(Path.of(System.getProperty("dynamorm.examples.sources")))) {
            sources =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(
                                    p ->
                                            !p.toString()
                                                    .contains(
                                                            java.io.File.separator
                                                                    + "target"
                                                                    + java.io.File.separator))
                            .map(
                                    p -> {
                                        try {
                                            return Files.readString(p, StandardCharsets.UTF_8);
                                        } catch (IOException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    })
                            .collect(Collectors.joining("\n"));
        }
        String compact =
                sources.lines().map(ReadmeSnippetsTest::normalize).collect(Collectors.joining());
        Matcher m = JAVA_BLOCK.matcher(readme);
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            for (String line : m.group(1).split("\\n")) {
                String n = normalize(line);
                if (!n.isEmpty() && !compact.contains(n)) {
                    missing.add(line.trim());
                }
            }
        }
        assertThat(blocks).as("java blocks in README.md").isGreaterThan(0);
        assertThat(missing).as("README lines not found in the sources of examples/").isEmpty();
    }
}
