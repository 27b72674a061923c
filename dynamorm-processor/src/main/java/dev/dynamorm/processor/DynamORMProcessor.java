package dev.dynamorm.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates the typed field references ({@code Order_}) and a {@code ModelSchema} ({@code
 * Order_.Schema}) for every {@code @DynamoTable} model and every nested record or bean it reaches,
 * one {@code DynamORM_Schemas} provider per package, and the {@code META-INF/services} entry the
 * engine finds them by. Model errors the engine would report at run time are compile errors here,
 * worded the same.
 */
public final class DynamORMProcessor extends AbstractProcessor {

    static final String PROVIDER_SERVICE = "dev.dynamorm.spi.schema.ModelSchemaProvider";
    static final String PROVIDER_NAME = "DynamORM_Schemas";

    /** Schemas written so far, by package, as simple class names. */
    /** Per package, the models whose schemas its provider lists: binary name, schema class. */
    private final Map<String, List<Map.Entry<String, String>>> pending = new LinkedHashMap<>();

    private final Set<String> done = new HashSet<>();
    private final Set<String> providers = new TreeSet<>();
    private final Map<String, TypeElement> anyModelOfPackage = new LinkedHashMap<>();

    /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
    public DynamORMProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // every DynamORM annotation is claimed, so that javac's -Xlint:processing has nothing to
        // say
        return Set.of("dev.dynamorm.annotations.*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    // claims the model annotations on purpose: unclaimed, javac -Xlint:processing warns "No
    // processor
    // claimed any of these annotations" in every user build (and fails it under -Werror)
    @SuppressWarnings("DoNotClaimAnnotations")
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Analyzer analyzer = new Analyzer(processingEnv);
        Families families =
                new Families(processingEnv.getElementUtils(), processingEnv.getMessager());
        SchemaWriter writer = new SchemaWriter(processingEnv.getTypeUtils());
        VectorIndexChecks vectorIndexes =
                new VectorIndexChecks(processingEnv.getElementUtils(), processingEnv.getMessager());
        Set<String> compiled = new HashSet<>();
        for (TypeElement t : ElementFilter.typesIn(round.getRootElements())) {
            collect(t, compiled);
        }
        Deque<TypeElement> queue = new ArrayDeque<>();
        TypeElement tableAnnotation =
                processingEnv
                        .getElementUtils()
                        .getTypeElement("dev.dynamorm.annotations.DynamoTable");
        if (tableAnnotation != null) {
            for (Element e : round.getElementsAnnotatedWith(tableAnnotation)) {
                if (e instanceof TypeElement t) {
                    queue.add(t);
                }
            }
        }
        List<Model> models = new ArrayList<>();
        while (!queue.isEmpty()) {
            TypeElement t = queue.poll();
            String qn = t.getQualifiedName().toString();
            if (!done.add(qn)) {
                continue;
            }
            if (Families.isRoot(t)) {
                // an entity family: no schema of its own, one per member (with the family's table)
                queue.addAll(families.members(t));
                continue;
            }
            boolean table =
                    Analyzer.annotation(t, "DynamoTable") != null || Families.rootOf(t) != null;
            Model model = analyzer.analyze(t, table);
            if (model == null || !writer.writable(model) || !vectorIndexes.check(model)) {
                continue;
            }
            for (Model.Property p : model.properties()) {
                if (p.converter() == null) {
                    nested(p.type(), compiled, queue);
                }
            }
            models.add(model);
        }
        Set<String> generated = new HashSet<>();
        for (Model m : models) {
            generated.add(m.type().getQualifiedName().toString());
        }
        for (Model model : models) {
            TypeElement t = model.type();
            write(t, writer.write(model, generated), SchemaWriter.schemaName(t));
            String pkg = SchemaWriter.packageName(t);
            pending.computeIfAbsent(pkg, k -> new ArrayList<>())
                    .add(
                            Map.entry(
                                    processingEnv.getElementUtils().getBinaryName(t).toString(),
                                    SchemaWriter.schemaName(t)));
            anyModelOfPackage.putIfAbsent(pkg, t);
        }
        if (!round.processingOver()) {
            writeProviders();
        } else {
            writeServices();
        }
        return true;
    }

    private void collect(TypeElement t, Set<String> out) {
        out.add(t.getQualifiedName().toString());
        for (TypeElement inner : ElementFilter.typesIn(t.getEnclosedElements())) {
            collect(inner, out);
        }
    }

    /** Queues the records and beans compiled here that a property type stores as maps. */
    private void nested(TypeMirror type, Set<String> compiled, Deque<TypeElement> queue) {
        if (type.getKind() != TypeKind.DECLARED) {
            return;
        }
        DeclaredType d = (DeclaredType) type;
        for (TypeMirror arg : d.getTypeArguments()) {
            nested(arg, compiled, queue);
        }
        TypeElement e = (TypeElement) d.asElement();
        if (!compiled.contains(e.getQualifiedName().toString())
                || done.contains(e.getQualifiedName().toString())) {
            return;
        }
        if (e.getKind() == ElementKind.RECORD
                || (e.getKind() == ElementKind.CLASS
                        && !e.getModifiers().contains(Modifier.ABSTRACT))) {
            queue.add(e);
        }
    }

    private void writeProviders() {
        for (Map.Entry<String, List<Map.Entry<String, String>>> e : pending.entrySet()) {
            String pkg = e.getKey();
            String name = PROVIDER_NAME;
            for (int n = 2; providers.contains(qualified(pkg, name)); n++) {
                name = PROVIDER_NAME + n;
            }
            StringBuilder s = new StringBuilder();
            if (!pkg.isEmpty()) {
                s.append("package ").append(pkg).append(";\n\n");
            }
            s.append(
                    "/** The model schemas of this package, generated by dynamorm-processor: do not edit. */\n");
            s.append("public final class ")
                    .append(name)
                    .append(" implements ")
                    .append(PROVIDER_SERVICE)
                    .append(
                            " {\n\n    /** Creates the provider; the engine finds it through ServiceLoader. */\n")
                    .append("    public ")
                    .append(name)
                    .append("() {}\n\n    @Override\n")
                    .append(
                            "    public java.util.List<dev.dynamorm.spi.schema.ModelSchema<?>> schemas() {\n")
                    .append("        return java.util.List.of(");
            for (int i = 0; i < e.getValue().size(); i++) {
                s.append(i == 0 ? "" : ", ")
                        .append(e.getValue().get(i).getValue())
                        .append(".Schema.INSTANCE");
            }
            s.append(");\n    }\n\n");
            // one model's schema without loading the others' (registration cost, issue 16), nor
            // initializing its field references (Order_.Schema, not Order_.SCHEMA)
            s.append("    @Override\n")
                    .append(
                            "    public dev.dynamorm.spi.schema.ModelSchema<?> schema(Class<?> type) {\n")
                    .append("        return switch (type.getName()) {\n");
            for (Map.Entry<String, String> m : e.getValue()) {
                s.append("            case \"")
                        .append(m.getKey())
                        .append("\" -> ")
                        .append(m.getValue())
                        .append(".Schema.INSTANCE;\n");
            }
            s.append("            default -> null;\n        };\n    }\n}\n");
            write(anyModelOfPackage.get(pkg), s.toString(), name);
            providers.add(qualified(pkg, name));
            checkModule(anyModelOfPackage.get(pkg), qualified(pkg, name));
        }
        pending.clear();
    }

    private void checkModule(TypeElement model, String provider) {
        ModuleElement module = processingEnv.getElementUtils().getModuleOf(model);
        if (module == null || module.isUnnamed()) {
            return;
        }
        if (declaresProvider(module, provider)) {
            return;
        }
        processingEnv
                .getMessager()
                .printMessage(
                        Diagnostic.Kind.ERROR,
                        String.format(
                                Locale.ROOT,
                                "module %s holds DynamORM models but does not provide their schemas: add "
                                        + "'provides %s with %s;' to its module-info.java (and 'requires "
                                        + "dev.dynamorm.api;')",
                                module.getQualifiedName(),
                                PROVIDER_SERVICE,
                                provider),
                        model);
    }

    /**
     * Whether module-info declares the provider, read from its source. {@code
     * ModuleElement#getDirectives()} is not asked: before JDK 21 (JDK-8305225) that call makes
     * javac check a {@code provides ... with} directive whose class this compilation has yet to
     * generate, and fail with "the service implementation does not have a default constructor".
     * When the source of module-info is not at hand (it is not compiled in this run), there is
     * nothing to check.
     */
    private boolean declaresProvider(ModuleElement module, String provider) {
        try {
            com.sun.source.util.TreePath path =
                    com.sun.source.util.Trees.instance(processingEnv).getPath(module);
            if (path == null) {
                return true;
            }
            String text =
                    path.getCompilationUnit()
                            .getSourceFile()
                            .getCharContent(true)
                            .toString()
                            .replaceAll("//[^\\n]*|/\\*(?s:.*?)\\*/", " ")
                            .replaceAll("\\s+", " ");
            return text.contains("provides " + PROVIDER_SERVICE + " with")
                    && text.matches(
                            "(?s).*provides "
                                    + PROVIDER_SERVICE.replace(".", "\\.")
                                    + " with [^;]*\\b"
                                    + provider.replace(".", "\\.")
                                    + "\\b.*");
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
    }

    private static String qualified(String pkg, String name) {
        return pkg.isEmpty() ? name : pkg + "." + name;
    }

    private void write(TypeElement origin, String source, String simpleName) {
        String pkg = SchemaWriter.packageName(origin);
        try (Writer w =
                processingEnv
                        .getFiler()
                        .createSourceFile(qualified(pkg, simpleName), origin)
                        .openWriter()) {
            w.write(source);
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.ERROR,
                            "cannot write " + qualified(pkg, simpleName) + ": " + e.getMessage(),
                            origin);
        }
    }

    /** Writes META-INF/services, keeping entries an earlier (incremental) compilation wrote. */
    private void writeServices() {
        if (providers.isEmpty()) {
            return;
        }
        String path = "META-INF/services/" + PROVIDER_SERVICE;
        Filer filer = processingEnv.getFiler();
        Set<String> all = new TreeSet<>(providers);
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (InputStream in = existing.openInputStream()) {
                for (String line :
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                    String l = line.trim();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        all.add(l);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no earlier file
        }
        try (Writer w =
                filer.createResource(
                                StandardLocation.CLASS_OUTPUT,
                                "",
                                path,
                                anyModelOfPackage.values().toArray(new Element[0]))
                        .openWriter()) {
            for (String p : all) {
                w.write(p);
                w.write('\n');
            }
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(
                            Diagnostic.Kind.ERROR, "cannot write " + path + ": " + e.getMessage());
        }
    }
}
