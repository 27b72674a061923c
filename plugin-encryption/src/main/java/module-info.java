/**
 * DynamORM encryption plugin: field-level envelope encryption of {@code @Encrypted} fields with
 * AES-256-GCM, under keys from a local keyring or AWS KMS. Exports its configuration and key
 * provider SPI; the plugin itself is found through {@link java.util.ServiceLoader}.
 */
module dev.dynamorm.plugin.encryption {
    // EncryptionConfig implements PluginConfig; DecryptionFailedException extends DynamORMException
    requires transitive dev.dynamorm.api;
    // KmsKeyProvider.Builder takes a KmsClient
    requires transitive software.amazon.awssdk.services.kms;
    requires org.slf4j;

    exports dev.dynamorm.plugin.encryption;
    exports dev.dynamorm.plugin.encryption.rotation;

    provides dev.dynamorm.Plugin with
            dev.dynamorm.plugin.encryption.internal.EncryptionPlugin;
}
