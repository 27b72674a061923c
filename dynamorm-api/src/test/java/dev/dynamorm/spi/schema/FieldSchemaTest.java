package dev.dynamorm.spi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class FieldSchemaTest {

    /** Fields whose generic types the JDK builds, to compare with. */
    @SuppressWarnings("unused")
    private List<String> tags;

    @SuppressWarnings("unused")
    private Map<String, Integer> counts;

    @SuppressWarnings("unused")
    private List<String>[] pages;

    private static Type jdk(String field) throws NoSuchFieldException {
        return FieldSchemaTest.class.getDeclaredField(field).getGenericType();
    }

    @Test
    void startedWithClasses_hasTheJdksType_itsRawClassAndArguments() throws Exception {
        FieldSchema tagsField = FieldSchema.builder("tags", List.class, String.class).build();
        FieldSchema countsField =
                FieldSchema.builder("counts", Map.class, String.class, Integer.class).build();

        assertThat(tagsField.rawType()).isEqualTo(List.class);
        assertThat(tagsField.classArguments()).containsExactly(String.class);
        assertThat(countsField.rawType()).isEqualTo(Map.class);
        assertThat(countsField.classArguments()).containsExactly(String.class, Integer.class);

        assertThat(tagsField.type()).isEqualTo(jdk("tags")).hasSameHashCodeAs(jdk("tags"));
        assertThat(jdk("counts")).isEqualTo(countsField.type());
        assertThat(countsField.type().getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
        assertThat(countsField.type()).isSameAs(countsField.type());
        assertThat(countsField)
                .hasToString(
                        "FieldSchema[counts java.util.Map<java.lang.String,"
                                + " java.lang.Integer>]");
    }

    @Test
    void startedWithAClassAndNoArguments_isThatClass() {
        FieldSchema f = FieldSchema.builder("name", String.class, new Class<?>[0]).build();

        assertThat(f.type()).isEqualTo(String.class);
        assertThat(f.rawType()).isEqualTo(String.class);
        assertThat(f.classArguments()).isEmpty();
    }

    @Test
    void startedWithAType_keepsIt_andTellsItsRawClass_withoutClassArguments() throws Exception {
        ParameterizedType nested =
                SchemaTypes.parameterized(
                        Map.class, String.class, SchemaTypes.parameterized(List.class, Long.class));
        FieldSchema f = FieldSchema.builder("nested", nested).build();
        FieldSchema array = FieldSchema.builder("pages", jdk("pages")).build();
        FieldSchema plain = FieldSchema.builder("id", long.class).build();

        assertThat(f.type()).isSameAs(nested);
        assertThat(f.rawType()).isEqualTo(Map.class);
        assertThat(f.classArguments()).isEmpty();
        assertThat(array.rawType()).isEqualTo(List[].class);
        assertThat(plain.type()).isEqualTo(long.class);
        assertThat(plain.rawType()).isEqualTo(long.class);
    }

    @Test
    void startedWithClasses_refusesTheWrongNumberOfArguments_asSchemaTypesDoes() {
        assertThatThrownBy(() -> FieldSchema.builder("m", Map.class, String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.util.Map takes 2 type arguments, not 1");
        assertThatThrownBy(
                        () -> FieldSchema.builder("o", Optional.class, String.class, String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.util.Optional takes 1 type arguments, not 2");
        assertThatThrownBy(() -> FieldSchema.builder("t", TreeMap.class, String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.util.TreeMap takes 2 type arguments, not 1");
        assertThatThrownBy(() -> FieldSchema.builder("s", String.class, String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String takes 0 type arguments, not 1");
    }

    @Test
    void startedWithClasses_refusesNulls() {
        assertThatThrownBy(() -> FieldSchema.builder("l", null, String.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("raw");
        assertThatThrownBy(() -> FieldSchema.builder("l", List.class, (Class<?>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FieldSchema.builder(null, List.class, String.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }
}
