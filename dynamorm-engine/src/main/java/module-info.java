/**
 * The DynamORM engine: model registry, expression building, execution with retries, table
 * management. Exports nothing; it is found through {@link dev.dynamorm.spi.EngineProvider}.
 */
module dev.dynamorm.engine {
    requires dev.dynamorm.api;
    requires org.slf4j;
    // role assumption for cross-account access
    requires software.amazon.awssdk.services.sts;
    // connection pool size of the client DynamORM builds
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.utils;

    uses dev.dynamorm.spi.ConverterProvider;
    uses dev.dynamorm.spi.Plugin;
    uses dev.dynamorm.spi.RetryPolicy;
    uses dev.dynamorm.spi.IndexScorer;

    provides dev.dynamorm.spi.EngineProvider with
            dev.dynamorm.engine.internal.DefaultEngineProvider;
}
