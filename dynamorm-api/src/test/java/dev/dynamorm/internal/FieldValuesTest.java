package dev.dynamorm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class FieldValuesTest {

    /** Stores an Instant as ISO text, as the built-in converter does. */
    private static final Converter<Object> INSTANT =
            new Converter<>() {
                @Override
                public AttributeValue toAttributeValue(Object value) {
                    return AttributeValue.fromS(value.toString());
                }

                @Override
                public Object fromAttributeValue(AttributeValue attribute) {
                    return Instant.parse(attribute.s());
                }

                @Override
                public AttributeValue.Type attributeType() {
                    return AttributeValue.Type.S;
                }
            };

    /** Stores a long as a number. */
    private static final Converter<Object> LONG =
            new Converter<>() {
                @Override
                public AttributeValue toAttributeValue(Object value) {
                    return AttributeValue.fromN(value.toString());
                }

                @Override
                public Object fromAttributeValue(AttributeValue attribute) {
                    return Long.parseLong(attribute.n());
                }

                @Override
                public AttributeValue.Type attributeType() {
                    return AttributeValue.Type.N;
                }
            };

    @Test
    void fits_countsPrimitivesAsTheirWrappers() {
        assertThat(FieldValues.fits(long.class, 5L)).isTrue();
        assertThat(FieldValues.fits(long.class, 5)).isFalse();
        assertThat(FieldValues.fits(Instant.class, "2026-01-01T00:00:00Z")).isFalse();
    }

    @Test
    void readAsStored_readsTextAndNumbersThroughTheConverter_orGivesNull() {
        assertThat(FieldValues.readAsStored(INSTANT, Instant.class, "2026-01-01T00:00:00Z"))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(FieldValues.readAsStored(INSTANT, Instant.class, "yesterday")).isNull();
        assertThat(FieldValues.readAsStored(INSTANT, Instant.class, 5)).isNull();
        assertThat(FieldValues.readAsStored(LONG, long.class, 2)).isEqualTo(2L);
        assertThat(FieldValues.readAsStored(LONG, long.class, 1.5)).isNull();
        assertThat(FieldValues.readAsStored(LONG, long.class, Double.NaN)).isNull();
        assertThat(FieldValues.readAsStored(LONG, long.class, "2")).isNull();
    }

    @Test
    void doesNotFit_namesTheValueTheFieldTheModelAndTheType() {
        InvalidRequestException e =
                FieldValues.doesNotFit(
                        FieldValuesTest.class,
                        Operation.QUERY,
                        "yesterday",
                        "field 'createdAt'",
                        Instant.class);
        assertThat(e)
                .hasMessage(
                        "value 'yesterday' (String) does not fit field 'createdAt' of model "
                                + FieldValuesTest.class.getName()
                                + ", which is java.time.Instant");
        assertThat(e.operation()).contains(Operation.QUERY);
        assertThat(FieldValues.describe("x".repeat(100))).hasSize(80).endsWith("...");
    }
}
