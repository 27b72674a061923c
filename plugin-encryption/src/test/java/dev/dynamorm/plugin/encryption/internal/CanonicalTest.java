package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The canonical binary form of attribute values: exact bytes, round trips, strict decoding. */
final class CanonicalTest {

    private static String hex(AttributeValue v) {
        return HexFormat.of().formatHex(Canonical.encode(v));
    }

    @Test
    void scalars_encodeAsDocumented() {
        assertThat(hex(AttributeValue.fromS("hé"))).isEqualTo("01" + "00000003" + "68c3a9");
        assertThat(hex(AttributeValue.fromN("-1.5"))).isEqualTo("02" + "00000004" + "2d312e35");
        assertThat(hex(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 255}))))
                .isEqualTo("03" + "00000002" + "00ff");
        assertThat(hex(AttributeValue.fromBool(true))).isEqualTo("0901");
        assertThat(hex(AttributeValue.fromBool(false))).isEqualTo("0900");
        assertThat(hex(AttributeValue.fromNul(true))).isEqualTo("0a");
    }

    @Test
    void setsAndMaps_areSorted_soEqualValuesHaveEqualBytes() {
        assertThat(hex(AttributeValue.fromSs(List.of("b", "a"))))
                .isEqualTo("04" + "00000002" + "00000001" + "61" + "00000001" + "62");
        assertThat(Canonical.encode(AttributeValue.fromNs(List.of("10", "2"))))
                .isEqualTo(Canonical.encode(AttributeValue.fromNs(List.of("2", "10"))));
        assertThat(
                        Canonical.encode(
                                AttributeValue.fromBs(
                                        List.of(
                                                SdkBytes.fromUtf8String("y"),
                                                SdkBytes.fromUtf8String("x")))))
                .isEqualTo(
                        Canonical.encode(
                                AttributeValue.fromBs(
                                        List.of(
                                                SdkBytes.fromUtf8String("x"),
                                                SdkBytes.fromUtf8String("y")))));
        Map<String, AttributeValue> one = new LinkedHashMap<>();
        one.put("z", AttributeValue.fromN("1"));
        one.put("a", AttributeValue.fromS("x"));
        Map<String, AttributeValue> two = new LinkedHashMap<>();
        two.put("a", AttributeValue.fromS("x"));
        two.put("z", AttributeValue.fromN("1"));
        assertThat(hex(AttributeValue.fromM(one)))
                .isEqualTo(hex(AttributeValue.fromM(two)))
                .isEqualTo(
                        "07"
                                + "00000002"
                                + "00000001"
                                + "61"
                                + "01"
                                + "00000001"
                                + "78"
                                + "00000001"
                                + "7a"
                                + "02"
                                + "00000001"
                                + "31");
        assertThat(
                        hex(
                                AttributeValue.fromL(
                                        List.of(
                                                AttributeValue.fromBool(true),
                                                AttributeValue.fromNul(true)))))
                .isEqualTo("08" + "00000002" + "0901" + "0a");
    }

    @Test
    void everyType_roundTrips_includingDeepNesting() throws Exception {
        AttributeValue nested =
                AttributeValue.fromM(
                        Map.of(
                                "s",
                                AttributeValue.fromS("text ✓"),
                                "n",
                                AttributeValue.fromN("12345678901234567890.5"),
                                "b",
                                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})),
                                "ss",
                                AttributeValue.fromSs(List.of("a", "b")),
                                "ns",
                                AttributeValue.fromNs(List.of("-1", "2")),
                                "bs",
                                AttributeValue.fromBs(
                                        List.of(SdkBytes.fromByteArray(new byte[] {9}))),
                                "l",
                                AttributeValue.fromL(
                                        List.of(
                                                AttributeValue.fromS(""),
                                                AttributeValue.fromL(List.of()),
                                                AttributeValue.fromM(Map.of()))),
                                "bool",
                                AttributeValue.fromBool(false),
                                "null",
                                AttributeValue.fromNul(true),
                                "m",
                                AttributeValue.fromM(
                                        Map.of(
                                                "inner",
                                                AttributeValue.fromM(
                                                        Map.of(
                                                                "deep",
                                                                AttributeValue.fromN("0")))))));
        assertThat(Canonical.decode(Canonical.encode(nested))).isEqualTo(nested);
        AttributeValue deep = AttributeValue.fromS("bottom");
        for (int i = 0; i < Canonical.MAX_DEPTH; i++) {
            deep = AttributeValue.fromL(List.of(deep));
        }
        assertThat(Canonical.decode(Canonical.encode(deep))).isEqualTo(deep);
    }

    @Test
    void decoding_isStrict() {
        byte[] ok = Canonical.encode(AttributeValue.fromS("abc"));
        assertThatThrownBy(() -> Canonical.decode(java.util.Arrays.copyOf(ok, ok.length + 1)))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("1 bytes after the value");
        assertThatThrownBy(() -> Canonical.decode(java.util.Arrays.copyOf(ok, ok.length - 1)))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("length 3 exceeds the 2 bytes left");
        assertThatThrownBy(() -> Canonical.decode(new byte[] {0x0b}))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("unknown type tag 0x0b");
        assertThatThrownBy(() -> Canonical.decode(new byte[] {0x09, 2}))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("boolean byte 2");
        assertThatThrownBy(() -> Canonical.decode(new byte[] {0x01, 0, 0, 0, 1, (byte) 0xff}))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("invalid UTF-8 text");
        assertThatThrownBy(() -> Canonical.decode(new byte[] {0x08, 0x7f, 0, 0, 0}))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessageStartingWith("count 2130706432 exceeds");
        assertThatThrownBy(() -> Canonical.decode(new byte[0]))
                .isInstanceOf(Canonical.FormatException.class);
        byte[] tooDeep = new byte[(Canonical.MAX_DEPTH + 2) * 5 + 1];
        for (int i = 0; i < Canonical.MAX_DEPTH + 2; i++) {
            tooDeep[i * 5] = 0x08;
            tooDeep[i * 5 + 4] = 1;
        }
        tooDeep[tooDeep.length - 1] = 0x0a;
        assertThatThrownBy(() -> Canonical.decode(tooDeep))
                .isInstanceOf(Canonical.FormatException.class)
                .hasMessage("value nested deeper than 64 levels");
    }
}
