package dev.dynamorm.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How README blocks become one compilation unit, and how its lines map back to the README. */
final class ReadmeSnippetsAssemblyTest {

    @TempDir Path dir;

    @Test
    void aBlockMixingATypeAndStatements_becomesATopLevelTypeAndAMethod() throws IOException {
        Path readme =
                Files.writeString(
                        dir.resolve("README.md"),
                        String.join(
                                "\n",
                                "# title",
                                "```java",
                                "import java.util.List;",
                                "@Deprecated",
                                "public record Note(String text) {",
                                "    Note {}",
                                "}",
                                "",
                                "List<Note> notes = List.of(new Note(\"a {\"));",
                                "```",
                                "```xml",
                                "<not-java/>",
                                "```",
                                ""));

        List<ReadmeSnippets.Block> blocks = ReadmeSnippets.javaBlocks(readme);
        ReadmeSnippets.Unit unit =
                ReadmeSnippets.assemble("Readme_x", blocks, List.of("int context;"));

        assertThat(blocks).hasSize(1);
        List<String> lines = unit.source().lines().toList();
        assertThat(lines)
                .containsSubsequence(
                        "package dev.dynamorm.it.readme.generated;",
                        "import java.util.List;",
                        "import static dev.dynamorm.it.readme.generated.Readme_x.*;",
                        "abstract class Readme_x {",
                        "    int context;",
                        "    void snippet1() throws Exception {",
                        "        List<Note> notes = List.of(new Note(\"a {\"));",
                        "    }",
                        "}",
                        // top level (so that a model's generated Order_ is named as the README
                        // does), not public (one public type per file)
                        "        @Deprecated",
                        "        record Note(String text) {",
                        "        }");
        int statement = lines.indexOf("        List<Note> notes = List.of(new Note(\"a {\"));");
        assertThat(unit.readmeLines()[statement]).isEqualTo(9);
        int record = lines.indexOf("        record Note(String text) {");
        assertThat(unit.readmeLines()[record]).isEqualTo(5);
    }

    @Test
    void aBlockOfFieldsAndMethods_becomesANestedClass() throws IOException {
        Path readme =
                Files.writeString(
                        dir.resolve("README.md"),
                        "```java\nprivate final int x = 1;\n\nvoid run() {}\n```\n");

        ReadmeSnippets.Unit unit =
                ReadmeSnippets.assemble("Readme_y", ReadmeSnippets.javaBlocks(readme), List.of());

        assertThat(unit.source())
                .contains("    abstract class Snippet1 {\n        private final int x = 1;");
    }
}
