package dev.dynamorm.spi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class SchemaTypesTest {

    /** A field whose generic type the JDK builds, to compare with. */
    @SuppressWarnings("unused")
    private Map<String, List<Integer>> sample;

    @Test
    void parameterized_equalsTheJdksTypeBothWays() throws Exception {
        ParameterizedType jdk =
                (ParameterizedType)
                        SchemaTypesTest.class.getDeclaredField("sample").getGenericType();
        ParameterizedType ours =
                SchemaTypes.parameterized(
                        Map.class,
                        String.class,
                        SchemaTypes.parameterized(List.class, Integer.class));
        assertThat(ours).isEqualTo(jdk).hasSameHashCodeAs(jdk);
        assertThat(jdk).isEqualTo(ours);
        assertThat(ours.getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");
    }

    @Test
    void wrongNumberOfArguments_isRejected_forCommonAndOtherContainers() {
        assertThatThrownBy(() -> SchemaTypes.parameterized(List.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.util.List takes 1 type arguments, not 0");
        assertThatThrownBy(() -> SchemaTypes.parameterized(Map.class, String.class))
                .hasMessage("java.util.Map takes 2 type arguments, not 1");
        assertThatThrownBy(
                        () -> SchemaTypes.parameterized(Optional.class, String.class, String.class))
                .hasMessage("java.util.Optional takes 1 type arguments, not 2");
        assertThatThrownBy(() -> SchemaTypes.parameterized(TreeMap.class, String.class))
                .hasMessage("java.util.TreeMap takes 2 type arguments, not 1");
        assertThat(SchemaTypes.parameterized(TreeMap.class, String.class, Long.class).getRawType())
                .isEqualTo(TreeMap.class);
    }
}
