package dev.dynamorm.test;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Loads fixture files, JSON or YAML, into tables: the programmatic twin of {@link Fixture}.
 * Immutable and thread-safe; each {@code with...} method returns a new instance.
 *
 * <pre>{@code
 * Fixtures.of(db).withModels(Order.class).load("/fixtures/orders.json");
 * }</pre>
 *
 * <p>Inside a test of the kit, inject {@code Fixtures} as a parameter: it is set up with the test's
 * {@code DynamORM}, models, table-name prefix and class (names then resolve next to the class).
 *
 * <p><b>Format.</b> A fixture is an object (a YAML mapping) whose keys name where its items go:
 *
 * <ul>
 *   <li>a <em>model</em>, by simple name among the models given
 *       ({@code @DynamoBackend(models=...)}, {@link #withModels}) or by class name: its items use
 *       the model's Java field names and JSON values, converted to the field types (numbers for
 *       numeric fields, strings for text, enums, {@code java.time} and other types with a static
 *       {@code parse}/{@code valueOf}/{@code of}, base64 for bytes, lists, sets, maps and nested
 *       records or beans). They are built as model instances and written through DynamORM (a batch
 *       write that ignores versioning), so converters, attribute renames and naming conventions
 *       apply. Fields left out keep their absent value (null, 0, false).
 *   <li>otherwise a <em>table</em> that exists, by name without the prefix: its items are raw
 *       DynamoDB JSON as the AWS CLI prints it ({@code {"pk": {"S": "a"}, "n": {"N": "1"}}}),
 *       written with PutItem.
 * </ul>
 *
 * Top-level keys starting with {@code x-} are skipped: a place for YAML anchors that items merge
 * with {@code <<: *name}.
 *
 * <pre>{@code
 * {
 *   "Order": [
 *     {"customerId": "c-1", "orderId": "o-1", "status": "PAID", "totalCents": 1250,
 *      "createdAt": "2026-01-05T10:00:00Z"}
 *   ],
 *   "audit-log": [
 *     {"pk": {"S": "c-1"}, "at": {"N": "1767607200"}}
 *   ]
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> Every item is checked before anything is written. A missing file, a syntax
 * error, an unknown model, table or field, a value of the wrong type, a missing or duplicate key
 * and an item the backend refuses fail with a {@link FixtureException} whose message starts with
 * {@code file:line:column:}.
 */
public final class Fixtures {

    /** Top-level keys with this prefix are not loaded: a place for YAML anchors. */
    private static final String IGNORED_PREFIX = "x-";

    private final DynamORM db;
    private final DynamoDbClient client;
    private final String tablePrefix;
    private final List<Class<?>> models;
    private final Class<?> anchor;

    private Fixtures(
            DynamORM db,
            DynamoDbClient client,
            String tablePrefix,
            List<Class<?>> models,
            Class<?> anchor) {
        this.db = db;
        this.client = client;
        this.tablePrefix = tablePrefix;
        this.models = List.copyOf(models);
        this.anchor = anchor;
    }

    /**
     * Fixtures written through a DynamORM instance (and, for raw tables, its client), with no
     * models, no table-name prefix and names resolved from the class path root.
     *
     * @param db the DynamORM instance, which applies its own table-name prefix to model tables
     * @return the fixtures loader
     * @throws NullPointerException if db is null
     */
    public static Fixtures of(DynamORM db) {
        return new Fixtures(Objects.requireNonNull(db, "db"), null, "", List.of(), null);
    }

    /**
     * A loader that also knows these models, so fixtures can name them by simple name.
     *
     * @param models model classes (annotated with {@code @DynamoTable})
     * @return a new loader
     * @throws NullPointerException if a model is null
     * @throws IllegalArgumentException if a class is not annotated with {@code @DynamoTable}
     */
    public Fixtures withModels(Class<?>... models) {
        Set<Class<?>> all = new LinkedHashSet<>(this.models);
        for (Class<?> model : models) {
            Objects.requireNonNull(model, "model");
            if (!model.isAnnotationPresent(DynamoTable.class)) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "%s is not a model: annotate it with @DynamoTable",
                                model.getName()));
            }
            all.add(model);
        }
        return new Fixtures(db, client, tablePrefix, new ArrayList<>(all), anchor);
    }

    /**
     * A loader that puts this prefix before the names of raw tables (model tables get the DynamORM
     * instance's own prefix).
     *
     * @param prefix e.g. the {@link BackendContext#tableNamePrefix()} of a test
     * @return a new loader
     * @throws NullPointerException if prefix is null
     */
    public Fixtures withTablePrefix(String prefix) {
        return new Fixtures(db, client, Objects.requireNonNull(prefix, "prefix"), models, anchor);
    }

    /**
     * A loader that writes raw tables with this client instead of the DynamORM instance's.
     *
     * @param client the client
     * @return a new loader
     * @throws NullPointerException if client is null
     */
    public Fixtures withClient(DynamoDbClient client) {
        return new Fixtures(
                db, Objects.requireNonNull(client, "client"), tablePrefix, models, anchor);
    }

    /**
     * A loader that resolves names without a leading {@code /} next to this class, as {@link
     * Class#getResource(String)} does.
     *
     * @param anchor usually the test class
     * @return a new loader
     * @throws NullPointerException if anchor is null
     */
    public Fixtures relativeTo(Class<?> anchor) {
        return new Fixtures(
                db, client, tablePrefix, models, Objects.requireNonNull(anchor, "anchor"));
    }

    /**
     * Loads a fixture from the class path: relative to the class given to {@link #relativeTo} (when
     * the name has no leading {@code /}), else from the class path root.
     *
     * @param resource e.g. {@code orders.json} or {@code /fixtures/orders.yaml}
     * @return the number of items written
     * @throws FixtureException if the file is missing or invalid, or the backend refuses an item;
     *     nothing is written when an item is invalid
     */
    public int load(String resource) {
        Objects.requireNonNull(resource, "resource");
        String path;
        if (resource.startsWith("/")) {
            path = resource.substring(1);
        } else if (anchor != null) {
            String pkg = anchor.getPackageName().replace('.', '/');
            path = pkg.isEmpty() ? resource : pkg + "/" + resource;
        } else {
            path = resource;
        }
        byte[] bytes = read(resource, path);
        return load(path, decode(path, bytes));
    }

    /**
     * Loads a fixture file from the file system.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @return the number of items written
     * @throws FixtureException if the file is missing or invalid, or the backend refuses an item;
     *     nothing is written when an item is invalid
     */
    public int load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try {
            return load(name, decode(name, Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new FixtureException(
                    name,
                    "fixture file not found (working directory "
                            + Path.of("").toAbsolutePath()
                            + ")",
                    e);
        } catch (IOException e) {
            throw new FixtureException(name, "cannot read the fixture file: " + e.getMessage(), e);
        }
    }

    private byte[] read(String resource, String path) {
        InputStream in = anchor != null ? anchor.getResourceAsStream(resource) : null;
        if (in == null) {
            for (ClassLoader loader : loaders()) {
                if ((in = loader.getResourceAsStream(path)) != null) {
                    break;
                }
            }
        }
        if (in == null) {
            String hint =
                    resource.startsWith("/") || anchor == null
                            ? "put it under src/test/resources/" + path
                            : "put it under src/test/resources/"
                                    + path
                                    + ", or start the name with '/' for a resource"
                                    + " at the class path root";
            throw new FixtureException(
                    path,
                    "fixture not found on the class path: "
                            + hint
                            + (Fixtures.class.getModule().isNamed()
                                    ? " (on the module path, open the package holding it)"
                                    : ""),
                    null);
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new FixtureException(path, "cannot read the fixture: " + e.getMessage(), e);
        }
    }

    private static String decode(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FixtureException(file, "the fixture is not UTF-8 text: save it as UTF-8", e);
        }
    }

    private static FixtureNode parse(String file, String text) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JsonFixtureParser.parse(file, text);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            if (!yamlAvailable()) {
                throw new FixtureException(
                        file,
                        "YAML fixtures need SnakeYAML: add org.yaml:snakeyaml (test scope)"
                                + " to the build, or write the fixture as JSON",
                        null);
            }
            return YamlFixtureParser.parse(file, text);
        }
        throw new FixtureException(
                file, "unknown fixture format: name the file *.json, *.yaml or *.yml", null);
    }

    /**
     * Whether SnakeYAML is on the test path (and, on the module path, readable). Checked here, not
     * in {@link YamlFixtureParser}, which cannot be loaded without SnakeYAML.
     */
    static boolean yamlAvailable() {
        try {
            Class.forName("org.yaml.snakeyaml.Yaml", false, Fixtures.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        Module kit = Fixtures.class.getModule();
        if (!kit.isNamed()) {
            return true;
        }
        return kit.getLayer() != null
                && kit.getLayer().findModule("org.yaml.snakeyaml").map(kit::canRead).orElse(false);
    }

    /** Items converted and checked, ready to be written. */
    private interface Batch {
        int write();
    }

    private int load(String file, String text) {
        FixtureNode root = parse(file, text);
        if (root.kind() != FixtureNode.Kind.OBJECT) {
            throw new FixtureException(
                    file,
                    root.line(),
                    root.column(),
                    "a fixture is an object whose keys name"
                            + " models or tables, each with a list of items; got "
                            + root.describe());
        }
        List<Batch> batches = new ArrayList<>();
        for (FixtureNode.Entry target : root.entries().values()) {
            if (target.key().startsWith(IGNORED_PREFIX)) {
                continue;
            }
            FixtureNode items = target.value();
            if (items.kind() != FixtureNode.Kind.LIST) {
                throw new FixtureException(
                        file,
                        items.line(),
                        items.column(),
                        "the items of '"
                                + target.key()
                                + "' must be a list, got "
                                + items.describe());
            }
            Optional<Class<?>> model = model(target.key());
            batches.add(model.isPresent() ? typed(file, target, model.get()) : raw(file, target));
        }
        int written = 0;
        for (Batch batch : batches) {
            written += batch.write();
        }
        return written;
    }

    private Optional<Class<?>> model(String name) {
        for (Class<?> model : models) {
            if (model.getSimpleName().equals(name) || model.getName().equals(name)) {
                return Optional.of(model);
            }
        }
        if (name.contains(".")) {
            for (ClassLoader loader : loaders()) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(DynamoTable.class)) {
                        return Optional.of(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a class: a table name with dots
                }
            }
        }
        return Optional.empty();
    }

    private List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        if (anchor != null && anchor.getClassLoader() != null) {
            loaders.add(anchor.getClassLoader());
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(Fixtures.class.getClassLoader());
        return loaders;
    }

    private <T> Batch typed(String file, FixtureNode.Entry target, Class<T> model) {
        FixtureTyping typing = new FixtureTyping(file);
        Table<T> table = db.table(model);
        List<T> items = new ArrayList<>();
        Map<Key, Integer> lines = new HashMap<>();
        for (FixtureNode node : target.value().elements()) {
            T item =
                    model.cast(
                            typing.instantiate(model, node, "an item of " + model.getSimpleName()));
            Key key;
            try {
                key = table.keyOf(item);
            } catch (InvalidRequestException e) {
                throw new FixtureException(
                        file,
                        node.line(),
                        node.column(),
                        "this " + model.getSimpleName() + " has no complete key: " + e.getMessage(),
                        e);
            } catch (UnsupportedOperationException e) {
                key = null;
            }
            if (key != null) {
                Integer first = lines.putIfAbsent(key, node.line());
                if (first != null) {
                    throw new FixtureException(
                            file,
                            node.line(),
                            node.column(),
                            "a second "
                                    + model.getSimpleName()
                                    + " with the key "
                                    + key
                                    + " (the first is at line "
                                    + first
                                    + "): each item of a fixture needs its own key");
                }
            }
            items.add(item);
        }
        return () -> {
            if (items.isEmpty()) {
                return 0;
            }
            try {
                BatchWriteResult<T> result =
                        table.batchWrite(
                                items,
                                List.of(),
                                BatchOptions.builder().ignoreVersioning(true).build());
                if (!result.complete()) {
                    throw new FixtureException(
                            file,
                            target.line(),
                            target.column(),
                            result.unwrittenPuts().size()
                                    + " items of "
                                    + model.getSimpleName()
                                    + " were not written to table '"
                                    + table.tableName()
                                    + "': "
                                    + result.unwrittenPuts());
                }
                return items.size();
            } catch (DynamORMException e) {
                throw new FixtureException(
                        file,
                        target.line(),
                        target.column(),
                        "could not write the items of "
                                + model.getSimpleName()
                                + " to table '"
                                + table.tableName()
                                + "': "
                                + e.getMessage(),
                        e);
            }
        };
    }

    private Batch raw(String file, FixtureNode.Entry target) {
        String table = tablePrefix + target.key();
        DynamoDbClient raw = client != null ? client : db.client();
        try {
            raw.describeTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException e) {
            List<String> names =
                    models.stream().map(Class::getSimpleName).collect(Collectors.toList());
            String suggestion =
                    Names.nearest(target.key(), names)
                            .map(n -> ": did you mean " + n + "?")
                            .orElse("");
            throw new FixtureException(
                    file,
                    target.line(),
                    target.column(),
                    "'"
                            + target.key()
                            + "' is neither a model of this test "
                            + (names.isEmpty() ? "(none given)" : names)
                            + " nor an existing table (no table '"
                            + table
                            + "')"
                            + suggestion
                            + "; name models in @DynamoBackend(models = ...) or Fixtures.withModels(...)",
                    e);
        } catch (SdkException e) {
            throw new FixtureException(
                    file,
                    target.line(),
                    target.column(),
                    "cannot describe table '" + table + "': " + e.getMessage(),
                    e);
        }
        RawItems converter = new RawItems(file);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<FixtureNode> nodes = target.value().elements();
        for (FixtureNode node : nodes) {
            items.add(converter.item(node, target.key()));
        }
        return () -> {
            for (int i = 0; i < items.size(); i++) {
                Map<String, AttributeValue> item = items.get(i);
                try {
                    raw.putItem(r -> r.tableName(table).item(item));
                } catch (SdkException e) {
                    FixtureNode node = nodes.get(i);
                    throw new FixtureException(
                            file,
                            node.line(),
                            node.column(),
                            "table '" + table + "' refused this item: " + e.getMessage(),
                            e);
                }
            }
            return items.size();
        };
    }

    @Override
    public String toString() {
        return "Fixtures[models="
                + models.stream().map(Class::getSimpleName).collect(Collectors.toList())
                + ", tablePrefix="
                + tablePrefix
                + (anchor == null ? "" : ", relativeTo=" + anchor.getName())
                + "]";
    }
}
