package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.Statistic;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.KmsKeyProvider;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.spi.Suggestions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * The encryption plugin: encrypts {@code @Encrypted} fields on write and decrypts them on read, and
 * tells the engine it does ({@link Hook#transformedFields()} holds {@code Encrypted}, a {@link
 * dev.dynamorm.annotations.FieldTransform}), which is what lets models with encrypted fields be
 * used at all. Runs after every other plugin's write transform and before every other plugin's read
 * transform (order 10000), so other plugins see plaintext items while DynamoDB, audit images and
 * logs only ever see envelopes.
 */
public final class EncryptionPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "encryption";

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionPlugin.class);

    private volatile EncryptionHook hook;
    private volatile PluginContext context;
    private volatile KmsClient ownedClient;

    /** Creates the plugin; {@link java.util.ServiceLoader} calls this. */
    public EncryptionPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return DynamORM.version();
    }

    @Override
    public int order() {
        return 10_000;
    }

    @Override
    public void initialize(PluginContext context) {
        EncryptionConfig config =
                context.config(EncryptionConfig.class)
                        .orElseGet(() -> fromProperties(context.properties()));
        EncryptionHook h =
                new EncryptionHook(
                        config.keyProvider().orElse(null),
                        config.unreadableFieldMarker().orElse(null));
        publish(
                context,
                h.encryptedValues,
                "dynamorm.encryption.values.encrypted",
                "values encrypted on write");
        publish(
                context,
                h.decryptedValues,
                "dynamorm.encryption.values.decrypted",
                "values decrypted on read");
        publish(
                context,
                h.failedValues,
                "dynamorm.encryption.values.failed",
                "values that could not be decrypted (key unavailable, altered or malformed)");
        publish(
                context,
                h.unsetValues,
                "dynamorm.encryption.values.unset",
                "values left unset because their key was unavailable (leaveUnreadableFieldsUnset)");
        publish(
                context,
                h.dataKeys,
                "dynamorm.encryption.data.keys",
                "data keys obtained for item writes");
        if (config.keyProvider().isEmpty()) {
            LOG.warn(
                    "encryption plugin installed without a key provider: @Encrypted fields can be neither written "
                            + "nor read; configure EncryptionConfig.builder().keyProvider(...) or the "
                            + "dynamorm.plugin.encryption.* properties");
        } else {
            LOG.info("encryption plugin uses {}", config.keyProvider().get());
        }
        this.context = context;
        this.hook = h;
        Instances.register(context.dynamorm(), this);
    }

    private static void publish(
            PluginContext context, LongAdder counter, String name, String description) {
        context.publish(Statistic.counter(name, description, Map.of(), counter::doubleValue));
    }

    @Override
    public List<Hook> hooks() {
        EncryptionHook h = hook;
        return h == null ? List.of() : List.of(h);
    }

    @Override
    public void shutdown() {
        PluginContext c = context;
        if (c != null) {
            Instances.unregister(c.dynamorm(), this);
        }
        KmsClient owned = ownedClient;
        if (owned != null) {
            EncryptionHook h = hook;
            if (h != null && h.provider() instanceof KmsKeyProvider kms) {
                kms.close();
            }
            owned.close();
            ownedClient = null;
        }
    }

    EncryptionHook hook() {
        return hook;
    }

    PluginContext context() {
        return context;
    }

    /**
     * Reads {@code keyring.file}, {@code keyring.active}, {@code keyring.key.<id>}, {@code
     * kms.keyId}, {@code kms.region}, {@code kms.endpoint}, {@code kms.cacheMaxAge}, {@code
     * kms.cacheMaxUses}, {@code kms.cacheMaxEntries} and {@code unreadableFields} ({@code fail} or
     * {@code unset}).
     */
    /** The property keys {@link #fromProperties} reads ({@code <id>} stands for any key id). */
    static final List<String> KEYS =
            List.of(
                    "keyring.file",
                    "keyring.active",
                    "keyring.key.<id>",
                    "kms.keyId",
                    "kms.region",
                    "kms.endpoint",
                    "kms.cacheMaxAge",
                    "kms.cacheMaxUses",
                    "kms.cacheMaxEntries",
                    "unreadableFields");

    EncryptionConfig fromProperties(Map<String, String> properties) {
        EncryptionConfig.Builder config = EncryptionConfig.builder();
        LocalKeyring.Builder keyring = null;
        boolean kms = false;
        for (String key : properties.keySet().stream().sorted().toList()) {
            String value = properties.get(key).trim();
            if (key.equals("keyring.file")) {
                keyring = keyring == null ? LocalKeyring.builder() : keyring;
                keyring.keyFile(Path.of(value));
            } else if (key.equals("keyring.active")) {
                keyring = keyring == null ? LocalKeyring.builder() : keyring;
                keyring.active(value);
            } else if (key.startsWith("keyring.key.")) {
                keyring = keyring == null ? LocalKeyring.builder() : keyring;
                keyring.key(key.substring("keyring.key.".length()), value);
            } else if (key.startsWith("kms.") && KEYS.contains(key)) {
                kms = true;
            } else if (key.equals("unreadableFields")) {
                if (value.equals("unset")) {
                    config.leaveUnreadableFieldsUnset(
                            e -> LOG.warn("left a field unset: {}", e.getMessage()));
                } else if (!value.equals("fail")) {
                    throw new IllegalArgumentException(
                            String.format(
                                    Locale.ROOT,
                                    "encryption property unreadableFields must be fail or unset, got '%s'",
                                    value));
                }
            } else {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "unknown option '%s' for plugin encryption; %soptions are %s",
                                key,
                                key.startsWith("keyring.key")
                                        ? "did you mean 'keyring.key.<id>'? "
                                        : Suggestions.didYouMean(key, KEYS),
                                String.join(", ", KEYS)));
            }
        }
        if (keyring != null && kms) {
            throw new IllegalArgumentException(
                    "encryption properties configure both a local keyring (keyring.*) and "
                            + "KMS (kms.*): choose one");
        }
        if (keyring != null) {
            config.keyProvider(keyring.build());
        } else if (kms) {
            config.keyProvider(kmsFromProperties(properties));
        }
        return config.build();
    }

    private KmsKeyProvider kmsFromProperties(Map<String, String> p) {
        String keyId = p.get("kms.keyId");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException(
                    "encryption property kms.keyId is required with the other kms.* "
                            + "properties: the KMS key (id, ARN or alias) that wraps data keys");
        }
        KmsKeyProvider.Builder b = KmsKeyProvider.builder().keyId(keyId.trim());
        if (p.containsKey("kms.cacheMaxAge")) {
            try {
                b.cacheMaxAge(Duration.parse(p.get("kms.cacheMaxAge").trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "encryption property kms.cacheMaxAge "
                                        + "must be an ISO-8601 duration such as PT5M, got '%s'",
                                p.get("kms.cacheMaxAge")),
                        e);
            }
        }
        if (p.containsKey("kms.cacheMaxUses")) {
            b.cacheMaxUses(number(p, "kms.cacheMaxUses"));
        }
        if (p.containsKey("kms.cacheMaxEntries")) {
            b.cacheMaxEntries((int) Math.min(Integer.MAX_VALUE, number(p, "kms.cacheMaxEntries")));
        }
        KmsClientBuilder client = KmsClient.builder();
        if (p.containsKey("kms.region")) {
            client.region(Region.of(p.get("kms.region").trim()));
        }
        if (p.containsKey("kms.endpoint")) {
            client.endpointOverride(URI.create(p.get("kms.endpoint").trim()));
        }
        KmsClient built = client.build();
        this.ownedClient = built;
        return b.client(built).build();
    }

    private static long number(Map<String, String> p, String key) {
        try {
            return Long.parseLong(p.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "encryption property %s must be a whole number, got '%s'",
                            key,
                            p.get(key)),
                    e);
        }
    }
}
