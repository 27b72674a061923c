package dev.dynamorm.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Hook;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class FieldTransformTest {

    @Test
    void encrypted_isAFieldTransformStoredAsBinary_namingItsPlugin() {
        FieldTransform t = Encrypted.class.getAnnotation(FieldTransform.class);
        assertThat(t).isNotNull();
        assertThat(t.storedAs()).isEqualTo(AttributeValue.Type.B);
        assertThat(t.plugin()).isEqualTo("dynamorm-plugin-encryption");
    }

    @Test
    void hook_transformsNoFieldsByDefault() {
        assertThat(new Hook() {}.transformedFields()).isEmpty();
    }

    @Test
    void modelInfo_transformedAttributes_defaultToTheEncryptedOnes() {
        dev.dynamorm.ModelInfo info =
                new dev.dynamorm.ModelInfo() {
                    @Override
                    public Class<?> type() {
                        return Object.class;
                    }

                    @Override
                    public String tableName() {
                        return "t";
                    }

                    @Override
                    public String partitionKeyAttribute() {
                        return "id";
                    }

                    @Override
                    public Optional<String> sortKeyAttribute() {
                        return Optional.empty();
                    }

                    @Override
                    public Map<String, String> attributeNames() {
                        return Map.of("id", "id", "pin", "pin");
                    }

                    @Override
                    public Set<String> encryptedAttributes() {
                        return Set.of("pin");
                    }
                };
        assertThat(info.transformedAttributes(Encrypted.class)).containsExactly("pin");
        assertThat(info.transformedAttributes(Deprecated.class)).isEmpty();
        assertThat(info.transformedAttributes()).containsExactly("pin");
    }
}
