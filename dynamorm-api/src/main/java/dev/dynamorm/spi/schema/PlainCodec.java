package dev.dynamorm.spi.schema;

/**
 * Marks a codec whose reading of a present attribute of its own type is the plain one, so that
 * generated code may read it without calling the codec (see {@link PlainReads}): a {@link
 * StringCodec} returns {@code S} as is; a {@link LongCodec} of a {@code long} (or {@code int})
 * field parses {@code N} as {@link Long#parseLong(String)} (or {@link Integer#parseInt(String)})
 * does, and anything those refuse it handles its own way; a {@link BooleanCodec} returns {@code
 * BOOL}. Implemented by the built-in converters of those types; a converter of one's own should not
 * implement it.
 */
public interface PlainCodec {}
