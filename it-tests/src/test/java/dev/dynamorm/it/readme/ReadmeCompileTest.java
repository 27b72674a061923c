package dev.dynamorm.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the repository's README.md and of each module's README.md
 * compiles, against the published modules on this module's test class path. The members a snippet
 * takes for granted (a client, an {@code order}, ...) and its imports live in {@code
 * readme-snippets/<folder>.context} next to this test, so the README shows only what a reader
 * needs.
 */
final class ReadmeCompileTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir Path out;

    static List<Path> readmes() throws IOException {
        List<Path> found = new ArrayList<>();
        found.add(ROOT.resolve("README.md"));
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(Files::isDirectory)
                    .map(d -> d.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(found::add);
        }
        Path sample = ROOT.resolve("examples/sample-app/README.md");
        if (Files.isRegularFile(sample)) {
            found.add(sample);
        }
        return found;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfEveryReadme_compiles() throws IOException {
        return readmes().stream()
                .map(
                        readme ->
                                DynamicTest.dynamicTest(
                                        ROOT.relativize(readme).toString(),
                                        () -> assertCompiles(readme)));
    }

    @Test
    void theRootReadmeHasJavaBlocks_soTheCheckIsNotVacuous() throws IOException {
        assertThat(ReadmeSnippets.javaBlocks(ROOT.resolve("README.md"))).hasSizeGreaterThan(5);
    }

    private void assertCompiles(Path readme) throws IOException {
        List<ReadmeSnippets.Block> blocks = ReadmeSnippets.javaBlocks(readme);
        if (blocks.isEmpty()) {
            return;
        }
        Path relative = ROOT.relativize(readme);
        String className = ReadmeSnippets.classNameFor(relative);
        ReadmeSnippets.Unit unit = ReadmeSnippets.assemble(className, blocks, context(className));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source =
                new SimpleJavaFileObject(
                        URI.create("string:///" + className + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return unit.source();
                    }
                };
        Path classes = Files.createDirectories(out.resolve(className));
        List<String> options =
                List.of(
                        // the README's models get their Order_ the way users' models do
                        "-processor",
                        "dev.dynamorm.processor.DynamORMProcessor",
                        "-parameters",
                        "--release",
                        "17",
                        "-classpath",
                        classPath(),
                        "-d",
                        classes.toString());
        StringWriter javacOut = new StringWriter();
        boolean ok =
                compiler.getTask(javacOut, null, diagnostics, options, null, List.of(source))
                        .call();
        String errors =
                diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> describe(relative, unit, d))
                        .collect(Collectors.joining("\n"));
        assertThat(ok)
                .as("%s: its ```java blocks do not compile:%n%s%n%s", relative, errors, javacOut)
                .isTrue();
    }

    private static String describe(
            Path readme, ReadmeSnippets.Unit unit, Diagnostic<? extends JavaFileObject> d) {
        int line = (int) d.getLineNumber();
        int readmeLine =
                line >= 1 && line <= unit.readmeLines().length ? unit.readmeLines()[line - 1] : 0;
        String where =
                readmeLine > 0
                        ? readme + ":" + readmeLine
                        : unit.className() + ".java:" + line + " (context or wrapper)";
        return where + ": " + d.getMessage(Locale.ROOT);
    }

    private static List<String> context(String className) throws IOException {
        String resource = "/readme-snippets/" + className + ".context";
        try (InputStream in = ReadmeCompileTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * This module's test class path (surefire may hide it in a manifest-only jar; it also publishes
     * it as a property) plus the plugin jars, which the suites keep off their path.
     */
    private static String classPath() throws IOException {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null ? surefire : System.getProperty("java.class.path");
        String plugins =
                Files.readString(
                                Path.of("target", "readme-plugins-path.txt"),
                                StandardCharsets.UTF_8)
                        .trim();
        return Stream.of(path.split(File.pathSeparator), plugins.split(File.pathSeparator))
                .flatMap(Stream::of)
                .filter(p -> !p.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
