/**
 * DynamORM's built-in converters: strings, numbers, booleans, binary, time, UUID, URI, enums,
 * optionals, collections, arrays, maps and schemaless document values.
 *
 * <p>Exports nothing; the engine finds the converters through {@link
 * dev.dynamorm.ConverterProvider}.
 */
module dev.dynamorm.converters {
    requires dev.dynamorm.api;

    provides dev.dynamorm.ConverterProvider with
            dev.dynamorm.converters.internal.BuiltInConverterProvider;
}
