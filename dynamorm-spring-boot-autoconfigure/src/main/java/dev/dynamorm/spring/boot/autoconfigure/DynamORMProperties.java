package dev.dynamorm.spring.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dynamorm.*} properties. Every value is checked when it is bound: a bad one stops the
 * application at start-up with a message naming the property.
 *
 * @param region the AWS region id (like us-east-1) of the client DynamORM builds; ignored when the
 *     application has a DynamoDbClient bean
 * @param endpoint the endpoint of the client DynamORM builds, an absolute http or https URI (e.g.
 *     http://127.0.0.1:8000); leave it out for AWS
 * @param tableNamePrefix a prefix for every table name (letters, digits, _ - .)
 * @param hideExpiredItems hide items whose @Ttl time has passed but which DynamoDB has not deleted
 *     yet
 * @param scanPackages packages scanned for @DynamoTable models, each exposed as a {@code
 *     Table<Model>} bean; when neither this nor @DynamORMScan names any, the application's
 *     auto-configuration package is scanned
 * @param createTablesIfMissing create the table of every scanned model that does not exist at
 *     start-up, and log how existing tables differ from their models as WARN; when not set, true
 *     exactly when the embedded engine is enabled (it starts empty), false otherwise
 * @param retry the retry policy
 * @param plugin plugin properties: dynamorm.plugin.NAME.KEY=value
 * @param plugins which plugins are installed
 * @param local the embedded engine (dynamorm-local)
 */
@ConfigurationProperties("dynamorm")
public record DynamORMProperties(
        String region,
        String endpoint,
        String tableNamePrefix,
        @DefaultValue("false") boolean hideExpiredItems,
        List<String> scanPackages,
        Boolean createTablesIfMissing,
        @DefaultValue Retry retry,
        Map<String, Map<String, String>> plugin,
        @DefaultValue Plugins plugins,
        @DefaultValue Local local) {

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]*");
    private static final Pattern JAVA_PACKAGE =
            Pattern.compile(
                    "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    /** Checks every value; see the record's description. */
    public DynamORMProperties {
        if (region != null && !REGION.matcher(region).matches()) {
            throw invalid(
                    "dynamorm.region",
                    region,
                    "is not an AWS region id (lower-case letters, digits and '-', like us-east-1)");
        }
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
        if (tableNamePrefix != null && !PREFIX.matcher(tableNamePrefix).matches()) {
            throw invalid(
                    "dynamorm.table-name-prefix",
                    tableNamePrefix,
                    "may contain only letters, digits, '_', '-' and '.'");
        }
        scanPackages = scanPackages == null ? List.of() : List.copyOf(scanPackages);
        for (String p : scanPackages) {
            if (!JAVA_PACKAGE.matcher(p).matches()) {
                throw invalid("dynamorm.scan-packages", p, "is not a Java package name");
            }
        }
        plugin = plugin == null ? Map.of() : Map.copyOf(plugin);
    }

    private static void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            throw invalid("dynamorm.endpoint", endpoint, "is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalid(
                    "dynamorm.endpoint",
                    endpoint,
                    "must be an absolute http or https URI with a host, like http://127.0.0.1:8000");
        }
    }

    /**
     * Whether tables are created at start-up: {@code dynamorm.create-tables-if-missing} when set,
     * otherwise whether the embedded engine is enabled.
     *
     * @return true to create missing tables and log drift
     */
    public boolean createsTablesIfMissing() {
        return createTablesIfMissing != null ? createTablesIfMissing : local.enabled();
    }

    static IllegalArgumentException invalid(String property, Object value, String why) {
        return new IllegalArgumentException(
                String.format(Locale.ROOT, "%s '%s' %s", property, value, why));
    }

    /**
     * The retry policy of requests DynamORM sends. Without {@code max-attempts} (and without a
     * {@code RetryPolicy} bean) DynamORM's default policy is used.
     *
     * @param maxAttempts attempts in all, at least 1 (1: never retry)
     * @param baseDelay delay before the first retry, doubled after each further failure
     * @param maxDelay the longest delay between two attempts
     */
    public record Retry(
            Integer maxAttempts,
            @DefaultValue("50ms") Duration baseDelay,
            @DefaultValue("5s") Duration maxDelay) {

        /** Checks every value. */
        public Retry {
            if (maxAttempts != null && maxAttempts < 1) {
                throw invalid("dynamorm.retry.max-attempts", maxAttempts, "must be at least 1");
            }
            if (baseDelay.isNegative() || baseDelay.isZero()) {
                throw invalid("dynamorm.retry.base-delay", baseDelay, "must be positive");
            }
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw invalid(
                        "dynamorm.retry.max-delay",
                        maxDelay,
                        "must not be shorter than dynamorm.retry.base-delay (" + baseDelay + ")");
            }
        }
    }

    /**
     * Which plugins are installed.
     *
     * @param discover install the plugins found on the class path (ServiceLoader)
     * @param disabled names of discovered plugins to leave out
     */
    public record Plugins(@DefaultValue("true") boolean discover, List<String> disabled) {

        /** Copies the list. */
        public Plugins {
            disabled = disabled == null ? List.of() : List.copyOf(disabled);
        }
    }

    /**
     * The embedded engine.
     *
     * @param enabled start an in-process dynamorm-local engine and talk to it (needs the {@code
     *     dynamorm-local} jar); for tests and local development
     */
    public record Local(@DefaultValue("false") boolean enabled) {}
}
