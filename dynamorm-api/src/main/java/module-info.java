/**
 * The DynamORM API: everything a user compiles against.
 *
 * <p>Holds the {@link dev.dynamorm.DynamORM} entry point, the table and query interfaces, the
 * mapping annotations, the exception hierarchy and the extension points (plugins, hooks,
 * converters, retry policies, index scorers). It contains no implementation logic: the engine is
 * found at run time through {@link dev.dynamorm.EngineProvider}.
 */
// "module": the qualified export names the engine and the test kit, which are built after the API
@SuppressWarnings("module")
module dev.dynamorm.api {
    // AttributeValue, DynamoDbClient and the SDK's table types appear in public signatures
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires transitive software.amazon.awssdk.regions;
    requires transitive software.amazon.awssdk.auth;
    // AwsServiceException is exposed by DynamORMException
    requires transitive software.amazon.awssdk.awscore;
    requires transitive software.amazon.awssdk.core;
    // @NullMarked/@Nullable in public signatures
    requires transitive org.jspecify;

    exports dev.dynamorm;
    exports dev.dynamorm.annotations;
    exports dev.dynamorm.spi;
    exports dev.dynamorm.spi.schema;
    // not API: one implementation of did-you-mean, number text, plain value text and path roots
    // for the engine, the built-in converters and the test kit
    exports dev.dynamorm.internal to
            dev.dynamorm.converters,
            dev.dynamorm.engine,
            dev.dynamorm.test;

    uses dev.dynamorm.EngineProvider;
    uses dev.dynamorm.ConverterProvider;
    uses dev.dynamorm.Plugin;
    uses dev.dynamorm.RetryPolicy;
    uses dev.dynamorm.IndexScorer;
    uses dev.dynamorm.spi.schema.ModelSchemaProvider;
}
