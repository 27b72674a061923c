package dev.dynamorm.it.differential;

import static org.assertj.core.api.Assertions.fail;

import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The differential fidelity suite: every scenario under {@code differential/} runs against
 * dynamorm-local (its in-process client) and against Dynoxide (the reference server of the test
 * kit); outcomes are compared after {@link Outcomes#normalize normalisation}. A difference fails
 * its scenario unless the scenario names an entry of {@code dynamorm-local/KNOWN-DIFFERENCES.md}
 * ({@code "known": "D3"}); a scenario marked known that no longer differs fails too, so the list
 * stays honest.
 */
@DynamoBackend(Backend.DYNOXIDE)
final class DifferentialTest {
    private static final Pattern KNOWN_ID =
            Pattern.compile("^##+\\s*([DX]\\d+)\\b", Pattern.MULTILINE);

    private static LocalDynamoDb local;
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final AtomicInteger IDENTICAL = new AtomicInteger();
    private static final AtomicInteger KNOWN = new AtomicInteger();
    private static final AtomicInteger KNOWN_REFERENCE = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final List<String> REPORT = new ArrayList<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * Every step's outcomes, written to target/differential/outcomes.txt with
     * -Ddifferential.dump=true.
     */
    private static final List<String> DUMP = new ArrayList<>();

    private static final boolean DUMPING = Boolean.getBoolean("differential.dump");

    private final DynamoDbClient reference;
    private final BackendContext context;

    DifferentialTest(DynamoDbClient reference, BackendContext context) {
        this.reference = reference;
        this.context = context;
    }

    @BeforeAll
    static void startLocal() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void summary() throws IOException {
        if (local != null) {
            local.close();
        }
        String line =
                String.format(
                        java.util.Locale.ROOT,
                        "differential: %d scenarios, %d identical, %d known differences (%d in dynamorm-local, %d Dynoxide deviations)%s",
                        SCENARIOS.get(),
                        IDENTICAL.get(),
                        KNOWN.get(),
                        KNOWN.get() - KNOWN_REFERENCE.get(),
                        KNOWN_REFERENCE.get(),
                        FAILED.get() == 0 ? "" : ", " + FAILED.get() + " failed");
        System.out.println(line);
        Path out = Path.of("target", "differential");
        Files.createDirectories(out);
        Files.writeString(
                out.resolve("summary.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
        if (DUMPING) {
            synchronized (DUMP) {
                Files.writeString(
                        out.resolve("outcomes.txt"),
                        String.join(System.lineSeparator(), DUMP),
                        StandardCharsets.UTF_8);
            }
        }
        synchronized (REPORT) {
            Files.writeString(
                    out.resolve("differences.txt"),
                    String.join(System.lineSeparator(), REPORT),
                    StandardCharsets.UTF_8);
        }
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        Map<String, Object> tables = tableFixtures();
        Set<String> knownIds = knownIds();
        Map<String, List<Scenario>> byFile = new TreeMap<>();
        for (Scenario s : Scenario.loadAll()) {
            byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
        }
        return byFile.entrySet().stream()
                .map(
                        e ->
                                DynamicContainer.dynamicContainer(
                                        e.getKey(),
                                        e.getValue().stream()
                                                .map(
                                                        s ->
                                                                DynamicTest.dynamicTest(
                                                                        s.name(),
                                                                        () ->
                                                                                run(
                                                                                        s, tables,
                                                                                        knownIds)))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tableFixtures() {
        return (Map<String, Object>)
                Scenario.readObject(Scenario.directory().resolve("tables.json")).get("tables");
    }

    private static Set<String> knownIds() {
        Path file = Path.of("..", "dynamorm-local", "KNOWN-DIFFERENCES.md");
        Set<String> ids = new LinkedHashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                Matcher m = KNOWN_ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private void run(Scenario s, Map<String, Object> fixtures, Set<String> knownIds) {
        SCENARIOS.incrementAndGet();
        if (s.known() != null && !knownIds.isEmpty() && !knownIds.contains(s.known())) {
            FAILED.incrementAndGet();
            fail(
                    "%s is marked known as %s, which dynamorm-local/KNOWN-DIFFERENCES.md does not list",
                    s.id(), s.known());
        }
        int n = COUNTER.incrementAndGet();
        Side mine = new Side("dynamorm-local", local.client());
        Side theirs = new Side("dynoxide", reference);
        List<String> problems = new ArrayList<>();
        List<String> expectationErrors = new ArrayList<>();
        try {
            for (String alias : s.tables()) {
                if (alias.startsWith("+")) {
                    String name = context.tableName(alias.substring(1) + "_" + n);
                    mine.names.put(alias.substring(1), name);
                    theirs.names.put(alias.substring(1), name);
                    continue;
                }
                String name = context.tableName(alias + "_" + n);
                mine.create(alias, name, fixtures);
                theirs.create(alias, name, fixtures);
            }
            int index = 0;
            for (Scenario.Step step : s.steps()) {
                index++;
                Object a = mine.run(step);
                Object b = theirs.run(step);
                String label = "step " + index + " " + step.operation();
                if (DUMPING) {
                    synchronized (DUMP) {
                        DUMP.add(
                                s.id()
                                        + " / "
                                        + label
                                        + "\n  local: "
                                        + JsonTree.canonical(a)
                                        + "\n  dynox: "
                                        + JsonTree.canonical(b));
                    }
                }
                if (step.expect() != null && !meets(a, step.expect())) {
                    expectationErrors.add(
                            label
                                    + ": dynamorm-local answered "
                                    + JsonTree.canonical(a)
                                    + " where DynamoDB documents "
                                    + step.expect());
                }
                if (!same(step, a, b)) {
                    problems.add(
                            label
                                    + " "
                                    + JsonTree.canonical(step.request())
                                    + "\n    dynamorm-local: "
                                    + JsonTree.canonical(a)
                                    + "\n    dynoxide:       "
                                    + JsonTree.canonical(b));
                }
            }
        } finally {
            mine.dropAll();
            theirs.dropAll();
        }
        if (!expectationErrors.isEmpty()) {
            FAILED.incrementAndGet();
            fail("%s: %s", s.id(), String.join("\n", expectationErrors));
        }
        if (problems.isEmpty()) {
            if (s.known() != null) {
                FAILED.incrementAndGet();
                fail(
                        "%s is marked as known difference %s but both servers now agree: remove the marker",
                        s.id(), s.known());
            }
            IDENTICAL.incrementAndGet();
            return;
        }
        synchronized (REPORT) {
            REPORT.add(
                    "== "
                            + s.id()
                            + (s.known() == null ? " [UNEXPECTED]" : " [known " + s.known() + "]")
                            + "\n  "
                            + String.join("\n  ", problems));
        }
        if (s.known() == null) {
            FAILED.incrementAndGet();
            fail("%s differs:\n  %s", s.id(), String.join("\n  ", problems));
        }
        KNOWN.incrementAndGet();
        if (s.known().startsWith("X")) {
            KNOWN_REFERENCE.incrementAndGet();
        }
    }

    private static boolean meets(Object outcome, String expect) {
        Object error = outcome instanceof Map<?, ?> m ? m.get("error") : null;
        return expect.equals("ok") ? error == null : expect.equals(error);
    }

    private static boolean same(Scenario.Step step, Object a, Object b) {
        if (step.compare().equals("type")) {
            Object ea = a instanceof Map<?, ?> m ? m.get("error") : null;
            Object eb = b instanceof Map<?, ?> m ? m.get("error") : null;
            return java.util.Objects.equals(ea, eb);
        }
        return JsonTree.canonical(a).equals(JsonTree.canonical(b));
    }

    /** One server under comparison, with the tables it created for the current scenario. */
    private final class Side {
        final String label;
        final DynamoDbClient client;
        final Map<String, String> names = new LinkedHashMap<>();

        Side(String label, DynamoDbClient client) {
            this.label = label;
            this.client = client;
        }

        @SuppressWarnings("unchecked")
        void create(String alias, String name, Map<String, Object> fixtures) {
            Map<String, Object> fixture = (Map<String, Object>) fixtures.get(alias);
            if (fixture == null) {
                throw new IllegalStateException("no fixture table " + alias + " in tables.json");
            }
            Map<String, Object> request =
                    new LinkedHashMap<>((Map<String, Object>) fixture.get("create"));
            request.put("TableName", name);
            Map<String, Object> created = SdkBridge.call(client, "CreateTable", request);
            if (created.containsKey("error")) {
                throw new IllegalStateException(
                        label + " could not create fixture " + alias + ": " + created);
            }
            names.put(alias, name);
            Map<String, Object> description = (Map<String, Object>) created.get("TableDescription");
            names.put("arn:" + alias, (String) description.get("TableArn"));
            List<Object> items = (List<Object>) fixture.get("items");
            if (items != null) {
                for (Object item : (List<Object>) Scenario.expand(items, Map.of())) {
                    Map<String, Object> put = new LinkedHashMap<>();
                    put.put("TableName", name);
                    put.put("Item", item);
                    Map<String, Object> r = SdkBridge.call(client, "PutItem", put);
                    if (r.containsKey("error")) {
                        throw new IllegalStateException(
                                label + " could not seed fixture " + alias + ": " + r);
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        Object run(Scenario.Step step) {
            Map<String, Object> request =
                    (Map<String, Object>) Scenario.bind(step.request(), names);
            if (!step.paginate()) {
                return normalize(
                        step.operation(), SdkBridge.call(client, step.operation(), request));
            }
            List<Object> pages = new ArrayList<>();
            Map<String, Object> next = new LinkedHashMap<>(request);
            for (int page = 0; page < 100; page++) {
                Map<String, Object> r = SdkBridge.call(client, step.operation(), next);
                Object last = r.remove("LastEvaluatedKey");
                Object lastTable = r.remove("LastEvaluatedTableName");
                pages.add(r);
                if (r.containsKey("error") || (last == null && lastTable == null)) {
                    break;
                }
                if (last != null) {
                    next.put("ExclusiveStartKey", last);
                } else {
                    next.put("ExclusiveStartTableName", lastTable);
                }
            }
            Map<String, Object> all = new LinkedHashMap<>();
            List<Object> items = new ArrayList<>();
            List<Object> counts = new ArrayList<>();
            for (Object p : pages) {
                Map<String, Object> m = (Map<String, Object>) p;
                if (m.containsKey("error")) {
                    all.put("error", m);
                }
                if (m.get("Items") instanceof List<?> l) {
                    items.addAll(l);
                }
                if (m.get("TableNames") instanceof List<?> l) {
                    items.addAll(l);
                }
                if (m.get("Count") != null) {
                    counts.add(m.get("Count"));
                }
            }
            all.put("Items", items);
            all.put("Pages", BigDecimal.valueOf(pages.size()));
            all.put("Count", counts.stream().mapToInt(c -> ((BigDecimal) c).intValue()).sum());
            Object normalized = normalize(step.operation(), all);
            if (step.operation().equals("ListTables")) {
                List<Object> own = new ArrayList<>();
                for (Object o : items) {
                    if (names.containsValue(o)) {
                        own.add(o);
                    }
                }
                ((Map<String, Object>) normalized).put("Items", own);
                ((Map<String, Object>) normalized).remove("Pages");
            }
            return normalized;
        }

        private Object normalize(String operation, Object response) {
            return Outcomes.normalize(operation, response, n -> names.containsValue(n));
        }

        void dropAll() {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (!e.getKey().startsWith("arn:")) {
                    SdkBridge.call(client, "DeleteTable", Map.of("TableName", e.getValue()));
                }
            }
            names.clear();
        }
    }
}
