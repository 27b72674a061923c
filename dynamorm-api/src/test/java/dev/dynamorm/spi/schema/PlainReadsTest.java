package dev.dynamorm.spi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The number reads of generated schemas: what {@code Integer/Long.parseLong} read, else the reader.
 */
final class PlainReadsTest {

    /** What the reader returns: the codec's way, taken for what the parse methods refuse. */
    private static final long CODEC = -4242L;

    private static final List<String> NUMBERS =
            List.of(
                    "0",
                    "-0",
                    "7",
                    "-7",
                    "+7",
                    "12",
                    "2006",
                    "007",
                    "-",
                    "+",
                    "",
                    " 1",
                    "1 ",
                    "1.5",
                    "1e3",
                    "-1e3",
                    "0x10",
                    "\u0661\u0662",
                    "999999999",
                    "-999999999",
                    "1000000000",
                    "2147483647",
                    "-2147483648",
                    "2147483648",
                    "-2147483649",
                    "123456789012345678",
                    "-123456789012345678",
                    "1234567890123456789",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "--1",
                    "1-",
                    "12a",
                    "a12");

    @Test
    void readInt_isIntegerParseInt_andTheReadersReadForWhatItRefuses() {
        for (String n : NUMBERS) {
            int expected;
            try {
                expected = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                expected = (int) CODEC;
            }
            assertThat(PlainReads.readInt(AttributeValue.fromN(n), new Codec(), 0))
                    .as(n)
                    .isEqualTo(expected);
            assertThat(PlainReads.readInt(AttributeValue.fromN(n), new Codec(), 0, 1L))
                    .as(n)
                    .isEqualTo(expected);
        }
    }

    @Test
    void readLong_isLongParseLong_andTheReadersReadForWhatItRefuses() {
        for (String n : NUMBERS) {
            long expected;
            try {
                expected = Long.parseLong(n);
            } catch (NumberFormatException e) {
                expected = CODEC;
            }
            assertThat(PlainReads.readLong(AttributeValue.fromN(n), new Codec(), 0))
                    .as(n)
                    .isEqualTo(expected);
            assertThat(PlainReads.readLong(AttributeValue.fromN(n), new Codec(), 0, 1L))
                    .as(n)
                    .isEqualTo(expected);
        }
    }

    @Test
    void numbers_ofAnotherTypeOrMissing_goToTheReader() {
        AttributeValue twoMembers = AttributeValue.builder().n("12").s("12").build();
        for (AttributeValue a :
                new AttributeValue[] {null, AttributeValue.fromS("12"), twoMembers}) {
            assertThat(PlainReads.readInt(a, new Codec(), 0)).isEqualTo((int) CODEC);
            assertThat(PlainReads.readLong(a, new Codec(), 0)).isEqualTo(CODEC);
        }
    }

    /** A reader whose number reads answer {@link #CODEC}. */
    private static final class Codec implements FieldReader {

        @Override
        public Object read(Map<String, AttributeValue> item, int field) {
            throw new AssertionError();
        }

        @Override
        public String attributeName(int field) {
            return "n";
        }

        @Override
        public String readString(AttributeValue attribute, int field) {
            throw new AssertionError();
        }

        @Override
        public long readLong(AttributeValue attribute, int field) {
            return CODEC;
        }

        @Override
        public double readDouble(AttributeValue attribute, int field) {
            throw new AssertionError();
        }

        @Override
        public float readFloat(AttributeValue attribute, int field) {
            throw new AssertionError();
        }

        @Override
        public boolean readBoolean(AttributeValue attribute, int field) {
            throw new AssertionError();
        }

        @Override
        public RuntimeException setterFailed(int field, RuntimeException failure) {
            return failure;
        }
    }
}
