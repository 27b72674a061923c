package dev.dynamorm.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles in-memory sources with javac, with or without the processor, into a directory. */
final class Compilation {

    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path classes;
    final Path generated;

    private Compilation(
            boolean success,
            List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Path classes,
            Path generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
        this.generated = generated;
    }

    /**
     * Compiles sources given as file name to text.
     *
     * @param withProcessor whether the DynamORM processor runs
     */
    static Compilation compile(Path dir, boolean withProcessor, Map<String, String> sources) {
        try {
            Path classes = Files.createDirectories(dir.resolve(withProcessor ? "gen" : "refl"));
            Path generated =
                    Files.createDirectories(dir.resolve(withProcessor ? "gen-src" : "refl-src"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm =
                    javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
                fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                fm.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
                List<JavaFileObject> units = new ArrayList<>();
                sources.forEach(
                        (name, text) ->
                                units.add(
                                        new SimpleJavaFileObject(
                                                URI.create("string:///" + name),
                                                JavaFileObject.Kind.SOURCE) {
                                            @Override
                                            public CharSequence getCharContent(boolean ignore) {
                                                return text;
                                            }
                                        }));
                List<String> options =
                        new ArrayList<>(
                                List.of(
                                        "-classpath",
                                        System.getProperty("java.class.path"),
                                        "-Xlint:all",
                                        "-parameters"));
                if (!withProcessor) {
                    options.add("-proc:none");
                }
                JavaCompiler.CompilationTask task =
                        javac.getTask(null, fm, diags, options, null, units);
                if (withProcessor) {
                    task.setProcessors(List.of(new DynamORMProcessor()));
                }
                boolean ok = task.call();
                return new Compilation(ok, diags.getDiagnostics(), classes, generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Error messages as "line: message". */
    List<String> errors() {
        return diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    /** A loader for the compiled classes (child of the test class path). */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(
                    new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated source of a file relative to the source output, e.g. "demo/Order_.java". */
    String generatedSource(String path) {
        try {
            return Files.readString(generated.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated source path. */
    List<String> generatedFiles() {
        try (Stream<Path> s = Files.walk(generated)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> generated.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
