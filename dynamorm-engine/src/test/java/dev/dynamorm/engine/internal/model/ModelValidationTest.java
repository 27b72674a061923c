package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import dev.dynamorm.MissingConverterException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Convert;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.Ignore;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class ModelValidationTest {

    private static void assertFails(Class<?> type, String message) {
        assertThatThrownBy(() -> TestConverters.registry().metadata(type))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(message)
                .satisfies(
                        e -> {
                            ModelDefinitionException m = (ModelDefinitionException) e;
                            assertThat(m.modelType()).contains(type);
                            assertThat(m.operation()).contains(Operation.REGISTER);
                        });
    }

    private static String n(Class<?> type) {
        return type.getName();
    }

    // ---------------------------------------------------------------- type level

    record NotATable(@PartitionKey String id) {}

    @Test
    void metadata_withoutDynamoTable_fails() {
        assertFails(
                NotATable.class,
                "class "
                        + n(NotATable.class)
                        + " has no @DynamoTable: annotate it with "
                        + "@DynamoTable(\"table-name\") to store it in a table (types only nested in other models need no "
                        + "annotation)");
    }

    @DynamoTable("t")
    interface AnInterface {}

    @DynamoTable("t")
    abstract static class AnAbstractClass {}

    @DynamoTable("t")
    enum AnEnum {
        A
    }

    @Test
    void metadata_interfaceAbstractClassOrEnum_fails() {
        String fix =
                ": a model must be a record, or a concrete class with a public no-argument constructor and "
                        + "getters and setters";
        assertFails(AnInterface.class, "model " + n(AnInterface.class) + " is an interface" + fix);
        assertFails(
                AnAbstractClass.class,
                "model " + n(AnAbstractClass.class) + " is an abstract class" + fix);
        assertFails(AnEnum.class, "model " + n(AnEnum.class) + " is an enum" + fix);
    }

    @DynamoTable("t")
    public static final class NoConstructor {
        private String id;

        public NoConstructor(String id) {
            this.id = id;
        }

        @PartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }

    @Test
    void metadata_beanWithoutNoArgConstructor_fails() {
        assertFails(
                NoConstructor.class,
                "model "
                        + n(NoConstructor.class)
                        + " has no public no-argument constructor: "
                        + "add one, or make it a record");
    }

    @DynamoTable(" ")
    record BlankTable(@PartitionKey String id) {}

    @Test
    void metadata_blankTableName_fails() {
        assertFails(
                BlankTable.class,
                "model "
                        + n(BlankTable.class)
                        + " has an empty table name in @DynamoTable: give "
                        + "the table a name");
    }

    // ---------------------------------------------------------------- keys

    @DynamoTable("t")
    record NoKey(String id, @SortKey String sort) {}

    @Test
    void metadata_noPartitionKey_fails() {
        assertFails(
                NoKey.class,
                "model "
                        + n(NoKey.class)
                        + " has no @PartitionKey: annotate the field that holds the "
                        + "partition key");
    }

    @DynamoTable("t")
    record TwoPartitionKeys(@PartitionKey String id, @PartitionKey String otherId) {}

    @Test
    void metadata_twoPartitionKeys_failsNamingBoth() {
        assertFails(
                TwoPartitionKeys.class,
                "model "
                        + n(TwoPartitionKeys.class)
                        + " has two @PartitionKey fields, "
                        + "'id' and 'otherId': keep exactly one");
    }

    @DynamoTable("t")
    record TwoSortKeys(@PartitionKey String id, @SortKey String a, @SortKey String b) {}

    @Test
    void metadata_twoSortKeys_failsNamingBoth() {
        assertFails(
                TwoSortKeys.class,
                "model "
                        + n(TwoSortKeys.class)
                        + " has two @SortKey fields, 'a' and 'b': keep "
                        + "at most one");
    }

    @DynamoTable("t")
    record BothKeys(@PartitionKey @SortKey String id) {}

    @Test
    void metadata_fieldIsPartitionAndSortKey_fails() {
        assertFails(
                BothKeys.class,
                "model "
                        + n(BothKeys.class)
                        + ": field 'id' is annotated with both @PartitionKey "
                        + "and @SortKey: a field holds one key role; use two fields");
    }

    @DynamoTable("t")
    record ListKey(@PartitionKey List<String> tags) {}

    @DynamoTable("t")
    record BoolSortKey(@PartitionKey String id, @SortKey boolean flag) {}

    @Test
    void metadata_keyNotStoredAsScalar_fails() {
        assertFails(
                ListKey.class,
                "model "
                        + n(ListKey.class)
                        + ": field 'tags' is the partition key but is stored as "
                        + "L: a key must be stored as S, N or B (string, number or binary); use such a type, or a @Convert "
                        + "converter that writes one");
        assertFails(
                BoolSortKey.class,
                "model "
                        + n(BoolSortKey.class)
                        + ": field 'flag' is the sort key but is stored "
                        + "as BOOL: a key must be stored as S, N or B (string, number or binary); use such a type, or a "
                        + "@Convert converter that writes one");
    }

    @DynamoTable("t")
    record EncryptedKey(@PartitionKey @Encrypted String id) {}

    @Test
    void metadata_encryptedKey_fails() {
        assertFails(
                EncryptedKey.class,
                "model "
                        + n(EncryptedKey.class)
                        + ": field 'id' is the partition key and "
                        + "cannot be @Encrypted: DynamoDB must read keys in plain form; remove @Encrypted");
    }

    @DynamoTable("t")
    record VersionedKey(@PartitionKey String id, @SortKey @Version long version) {}

    @Test
    void metadata_versionOnKey_fails() {
        assertFails(
                VersionedKey.class,
                "model "
                        + n(VersionedKey.class)
                        + ": field 'version' is the sort key and "
                        + "cannot be @Version: a key never changes once written");
    }

    // ---------------------------------------------------------------- converters

    record Geo(Thread geo) {}

    record Address(String street, Geo location) {}

    record Customer(String name, Address address) {}

    @DynamoTable("orders")
    record Order(@PartitionKey String id, Customer customer) {}

    @Test
    void metadata_noConverterDeepInNestedTypes_failsWithFieldPath() {
        assertFails(
                Order.class,
                "model "
                        + n(Order.class)
                        + ": Order.customer.address.location.geo: no converter for "
                        + "java.lang.Thread (register a ConverterProvider for this type, or annotate the field with @Convert)");
        // a public type users can catch, not an internal class name in their logs
        assertThatThrownBy(() -> TestConverters.registry().metadata(Order.class))
                .isExactlyInstanceOf(MissingConverterException.class)
                .satisfies(
                        e -> {
                            MissingConverterException m = (MissingConverterException) e;
                            assertThat(m.root()).isEqualTo(Order.class);
                            assertThat(m.path()).isEqualTo("customer.address.location.geo");
                            assertThat(m.missingType()).isEqualTo("java.lang.Thread");
                        });
        assertThat(MissingConverterException.class.getPackageName()).isEqualTo("dev.dynamorm");
    }

    @DynamoTable("t")
    record DirectNoConverter(@PartitionKey String id, Thread worker) {}

    record Holder(List<Geo> geos) {}

    @DynamoTable("t")
    record ListNoConverter(@PartitionKey String id, Holder holder) {}

    @Test
    void metadata_noConverter_failsWithFieldPath() {
        assertFails(
                DirectNoConverter.class,
                "model "
                        + n(DirectNoConverter.class)
                        + ": DirectNoConverter.worker: no "
                        + "converter for java.lang.Thread (register a ConverterProvider for this type, or annotate the field "
                        + "with @Convert)");
        assertFails(
                ListNoConverter.class,
                "model "
                        + n(ListNoConverter.class)
                        + ": ListNoConverter.holder.geos.geo: no "
                        + "converter for java.lang.Thread (register a ConverterProvider for this type, or annotate the field "
                        + "with @Convert)");
    }

    @Test
    void metadata_afterFailedNestedRegistration_leavesNoPartialState() {
        ModelRegistry registry = TestConverters.registry();
        assertThatThrownBy(() -> registry.metadata(Order.class))
                .isInstanceOf(ModelDefinitionException.class);
        assertThatThrownBy(() -> registry.metadata(Order.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Order.customer.address.location.geo");
        assertThatThrownBy(() -> registry.converters().find(Customer.class))
                .hasMessageContaining("Customer.address.location.geo");
    }

    /** A converter of strings. */
    public static final class StringConverter implements Converter<String> {
        @Override
        public AttributeValue toAttributeValue(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String fromAttributeValue(AttributeValue attribute) {
            return attribute.s();
        }

        @Override
        public AttributeValue.Type attributeType() {
            return AttributeValue.Type.S;
        }
    }

    /** A converter without a public no-argument constructor. */
    public static final class NoArgLessConverter implements Converter<String> {
        public NoArgLessConverter(String unused) {}

        @Override
        public AttributeValue toAttributeValue(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String fromAttributeValue(AttributeValue attribute) {
            return attribute.s();
        }

        @Override
        public AttributeValue.Type attributeType() {
            return AttributeValue.Type.S;
        }
    }

    @DynamoTable("t")
    record WrongConverterType(
            @PartitionKey String id, @Convert(StringConverter.class) Instant when) {}

    @DynamoTable("t")
    record ConverterWithoutConstructor(
            @PartitionKey String id, @Convert(NoArgLessConverter.class) String name) {}

    @Test
    void metadata_badConvert_fails() {
        assertFails(
                WrongConverterType.class,
                "model "
                        + n(WrongConverterType.class)
                        + ": field 'when' has type "
                        + "java.time.Instant but its @Convert converter "
                        + n(StringConverter.class)
                        + " converts "
                        + "java.lang.String: use a converter for java.time.Instant");
        assertFails(
                ConverterWithoutConstructor.class,
                "model "
                        + n(ConverterWithoutConstructor.class)
                        + ": field "
                        + "'name': converter "
                        + n(NoArgLessConverter.class)
                        + " has no public no-argument constructor: add one");
    }

    // ---------------------------------------------------------------- lifecycle fields

    @DynamoTable("t")
    record StringVersion(@PartitionKey String id, @Version String version) {}

    @DynamoTable("t")
    record DoubleVersion(@PartitionKey String id, @Version double version) {}

    @Test
    void metadata_versionNotIntegral_fails() {
        assertFails(
                StringVersion.class,
                "model "
                        + n(StringVersion.class)
                        + ": @Version field 'version' has type "
                        + "java.lang.String: use int, long, Integer or Long");
        assertFails(
                DoubleVersion.class,
                "model "
                        + n(DoubleVersion.class)
                        + ": @Version field 'version' has type "
                        + "double: use int, long, Integer or Long");
    }

    @DynamoTable("t")
    record DateTtl(@PartitionKey String id, @Ttl Date expires) {}

    @DynamoTable("t")
    record IntTtl(@PartitionKey String id, @Ttl int expires) {}

    @Test
    void metadata_ttlOfUnsupportedType_fails() {
        assertFails(
                DateTtl.class,
                "model "
                        + n(DateTtl.class)
                        + ": @Ttl field 'expires' has type java.util.Date: use "
                        + "Instant, OffsetDateTime, ZonedDateTime, long or Long (epoch seconds)");
        assertFails(
                IntTtl.class,
                "model "
                        + n(IntTtl.class)
                        + ": @Ttl field 'expires' has type int: use "
                        + "Instant, OffsetDateTime, ZonedDateTime, long or Long (epoch seconds)");
    }

    @DynamoTable("t")
    record TtlWithConvert(
            @PartitionKey String id, @Ttl @Convert(StringConverter.class) Long expires) {}

    @Test
    void metadata_ttlWithConvert_fails() {
        assertFails(
                TtlWithConvert.class,
                "model "
                        + n(TtlWithConvert.class)
                        + ": @Ttl field 'expires' cannot have "
                        + "@Convert: the time-to-live attribute is always stored as epoch seconds; remove @Convert");
    }

    @DynamoTable("t")
    record StringCreatedAt(@PartitionKey String id, @CreatedAt String created) {}

    @DynamoTable("t")
    record IntUpdatedAt(@PartitionKey String id, @UpdatedAt int updated) {}

    @Test
    void metadata_timestampOfUnsupportedType_fails() {
        assertFails(
                StringCreatedAt.class,
                "model "
                        + n(StringCreatedAt.class)
                        + ": @CreatedAt field 'created' has "
                        + "type java.lang.String: use Instant, OffsetDateTime, ZonedDateTime, LocalDateTime, long or Long "
                        + "(epoch milliseconds)");
        assertFails(
                IntUpdatedAt.class,
                "model "
                        + n(IntUpdatedAt.class)
                        + ": @UpdatedAt field 'updated' has "
                        + "type int: use Instant, OffsetDateTime, ZonedDateTime, LocalDateTime, long or Long "
                        + "(epoch milliseconds)");
    }

    @DynamoTable("t")
    record TwoVersions(@PartitionKey String id, @Version long a, @Version Integer b) {}

    @DynamoTable("t")
    record TwoTtls(@PartitionKey String id, @Ttl long a, @Ttl Instant b) {}

    @DynamoTable("t")
    record TwoCreatedAt(@PartitionKey String id, @CreatedAt Instant a, @CreatedAt long b) {}

    @DynamoTable("t")
    record TwoUpdatedAt(@PartitionKey String id, @UpdatedAt Instant a, @UpdatedAt Long b) {}

    @Test
    void metadata_twoLifecycleFieldsOfOneKind_failsNamingBoth() {
        assertFails(
                TwoVersions.class,
                "model "
                        + n(TwoVersions.class)
                        + " has two @Version fields, 'a' and 'b': keep "
                        + "at most one");
        assertFails(
                TwoTtls.class,
                "model "
                        + n(TwoTtls.class)
                        + " has two @Ttl fields, 'a' and 'b': keep at most one");
        assertFails(
                TwoCreatedAt.class,
                "model "
                        + n(TwoCreatedAt.class)
                        + " has two @CreatedAt fields, 'a' and 'b': "
                        + "keep at most one");
        assertFails(
                TwoUpdatedAt.class,
                "model "
                        + n(TwoUpdatedAt.class)
                        + " has two @UpdatedAt fields, 'a' and 'b': "
                        + "keep at most one");
    }

    // ---------------------------------------------------------------- names and @Ignore

    @DynamoTable(value = "t", naming = NamingConvention.SNAKE_CASE)
    record DuplicateAttribute(
            @PartitionKey String id, @Attribute("created_at") String created, Instant createdAt) {}

    @DynamoTable("t")
    record DuplicateRename(
            @PartitionKey String id, @Attribute("x") String a, @Attribute("x") String b) {}

    @Test
    void metadata_duplicateAttributeNames_failsNamingBothFieldsAndAttribute() {
        assertFails(
                DuplicateAttribute.class,
                "model "
                        + n(DuplicateAttribute.class)
                        + ": fields 'created' and "
                        + "'createdAt' both map to attribute 'created_at': rename one with @Attribute");
        assertFails(
                DuplicateRename.class,
                "model "
                        + n(DuplicateRename.class)
                        + ": fields 'a' and 'b' both map to "
                        + "attribute 'x': rename one with @Attribute");
    }

    @DynamoTable("t")
    record BlankAttribute(@PartitionKey String id, @Attribute("") String name) {}

    @Test
    void metadata_blankAttributeName_fails() {
        assertFails(
                BlankAttribute.class,
                "model "
                        + n(BlankAttribute.class)
                        + ": field 'name' has an empty @Attribute "
                        + "name: give the attribute a name or remove @Attribute");
    }

    @DynamoTable("t")
    record IgnoredKey(@PartitionKey String id, @Ignore @Attribute("n") @Encrypted String name) {}

    @DynamoTable("t")
    public static final class IgnoredBean {
        private String id;
        @Ignore private String secret;

        @PartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @Version
        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }

    @Test
    void metadata_ignoreWithMappingAnnotations_fails() {
        assertFails(
                IgnoredKey.class,
                "model "
                        + n(IgnoredKey.class)
                        + ": field 'name' is annotated with @Ignore and "
                        + "@Attribute, @Encrypted: an ignored field is not mapped, so remove @Ignore or the other annotations");
        assertFails(
                IgnoredBean.class,
                "model "
                        + n(IgnoredBean.class)
                        + ": field 'secret' is annotated with @Ignore "
                        + "and @Version: an ignored field is not mapped, so remove @Ignore or the other annotations");
    }

    @DynamoTable("t")
    public static final class FinalFieldBean {
        @PartitionKey private final String id = "x";
    }

    @Test
    void metadata_annotatedFinalFieldWithoutSetter_fails() {
        assertFails(
                FinalFieldBean.class,
                "model "
                        + n(FinalFieldBean.class)
                        + ": field 'id' is final and has no "
                        + "setter, so it cannot be read back: make it non-final or add a setter");
    }

    // ---------------------------------------------------------------- indexes

    @DynamoTable("t")
    record SortWithoutPartition(
            @PartitionKey String id,
            @IndexKey(index = "by-status", role = KeyRole.SORT) String status) {}

    @Test
    void metadata_globalIndexWithSortKeyOnly_fails() {
        assertFails(
                SortWithoutPartition.class,
                "model "
                        + n(SortWithoutPartition.class)
                        + ": index 'by-status' has a "
                        + "sort key but no partition key: add @IndexKey(index = \"by-status\") to the field that partitions it");
    }

    @DynamoTable("t")
    record LocalWithPartition(
            @PartitionKey String id,
            @SortKey String sk,
            @IndexKey(index = "by-date", type = IndexType.LOCAL) String date) {}

    @Test
    void metadata_localIndexWithPartitionRole_fails() {
        assertFails(
                LocalWithPartition.class,
                "model "
                        + n(LocalWithPartition.class)
                        + ": local index 'by-date' "
                        + "declares field 'date' as its partition key, but a local index shares the table's partition key: "
                        + "declare only its sort key (role = KeyRole.SORT)");
    }

    @DynamoTable("t")
    record LocalWithoutTableSortKey(
            @PartitionKey String id,
            @IndexKey(index = "by-date", type = IndexType.LOCAL, role = KeyRole.SORT)
                    String date) {}

    @Test
    void metadata_localIndexWithoutTableSortKey_fails() {
        assertFails(
                LocalWithoutTableSortKey.class,
                "model "
                        + n(LocalWithoutTableSortKey.class)
                        + ": local index "
                        + "'by-date' needs a table sort key, and the model has none: add @SortKey to a field, or make the "
                        + "index GLOBAL");
    }

    @DynamoTable("t")
    record SameRoleTwice(
            @PartitionKey String id,
            @IndexKey(index = "by-x") String a,
            @IndexKey(index = "by-x") String b) {}

    @DynamoTable("t")
    record SameSortRoleTwice(
            @PartitionKey String id,
            @IndexKey(index = "by-x") String p,
            @IndexKey(index = "by-x", role = KeyRole.SORT) String a,
            @IndexKey(index = "by-x", role = KeyRole.SORT) String b) {}

    @Test
    void metadata_twoFieldsWithOneIndexRole_failsNamingBoth() {
        assertFails(
                SameRoleTwice.class,
                "model "
                        + n(SameRoleTwice.class)
                        + ": fields 'a' and 'b' are both the "
                        + "partition key of index 'by-x': give each role to one field");
        assertFails(
                SameSortRoleTwice.class,
                "model "
                        + n(SameSortRoleTwice.class)
                        + ": fields 'a' and 'b' are both the "
                        + "sort key of index 'by-x': give each role to one field");
    }

    @DynamoTable("t")
    record BothIndexRoles(
            @PartitionKey String id,
            @IndexKey(index = "by-x") @IndexKey(index = "by-x", role = KeyRole.SORT) String a) {}

    @Test
    void metadata_fieldWithBothRolesOfAnIndex_fails() {
        assertFails(
                BothIndexRoles.class,
                "model "
                        + n(BothIndexRoles.class)
                        + ": field 'a' is both the partition key "
                        + "and the sort key of index 'by-x': use two fields");
    }

    @DynamoTable("t")
    record MixedIndexTypes(
            @PartitionKey String id,
            @SortKey String sk,
            @IndexKey(index = "i") String a,
            @IndexKey(index = "i", role = KeyRole.SORT, type = IndexType.LOCAL) String b) {}

    @Test
    void metadata_indexDeclaredGlobalAndLocal_fails() {
        assertFails(
                MixedIndexTypes.class,
                "model "
                        + n(MixedIndexTypes.class)
                        + ": index 'i' is declared GLOBAL on "
                        + "field 'a' and LOCAL on field 'b': give every key field of an index the same type");
    }

    @DynamoTable("t")
    record ConflictingProjection(
            @PartitionKey String id,
            String total,
            @IndexKey(index = "by-status", projection = ProjectionType.KEYS_ONLY) String status,
            @IndexKey(
                            index = "by-status",
                            role = KeyRole.SORT,
                            projection = ProjectionType.INCLUDE,
                            include = "total")
                    String date) {}

    @Test
    void metadata_conflictingProjections_fails() {
        assertFails(
                ConflictingProjection.class,
                "model "
                        + n(ConflictingProjection.class)
                        + ": index 'by-status' has "
                        + "conflicting projections: KEYS_ONLY on field 'status' and INCLUDE [total] on field 'date': declare "
                        + "the projection on one key field only");
    }

    @DynamoTable("t")
    record IncludeUnknown(
            @PartitionKey String id,
            String total,
            @IndexKey(
                            index = "by-status",
                            projection = ProjectionType.INCLUDE,
                            include = {"total", "nope"})
                    String status) {}

    @Test
    void metadata_includeOfUnknownField_fails() {
        assertFails(
                IncludeUnknown.class,
                "model "
                        + n(IncludeUnknown.class)
                        + ": index 'by-status' includes unknown "
                        + "field 'nope': include takes Java field names of the model (id, total, status)");
    }

    @DynamoTable("t")
    record IncludeWithoutProjection(
            @PartitionKey String id,
            String total,
            @IndexKey(index = "by-status", include = "total") String status) {}

    @DynamoTable("t")
    record IncludeProjectionWithoutFields(
            @PartitionKey String id,
            @IndexKey(index = "by-status", projection = ProjectionType.INCLUDE) String status) {}

    @Test
    void metadata_includeInconsistentWithProjection_fails() {
        assertFails(
                IncludeWithoutProjection.class,
                "model "
                        + n(IncludeWithoutProjection.class)
                        + ": index "
                        + "'by-status' lists include fields [total] but its projection is ALL: set projection = "
                        + "ProjectionType.INCLUDE");
        assertFails(
                IncludeProjectionWithoutFields.class,
                "model "
                        + n(IncludeProjectionWithoutFields.class)
                        + ": "
                        + "index 'by-status' has projection INCLUDE but names no fields: list the Java fields to copy into "
                        + "the index in include");
    }

    @DynamoTable("t")
    record EncryptedIndexKey(
            @PartitionKey String id, @IndexKey(index = "by-email") @Encrypted String email) {}

    @Test
    void metadata_encryptedIndexKey_fails() {
        assertFails(
                EncryptedIndexKey.class,
                "model "
                        + n(EncryptedIndexKey.class)
                        + ": field 'email' is the "
                        + "partition key of index 'by-email' and cannot be @Encrypted: DynamoDB must read index keys in plain "
                        + "form; remove @Encrypted");
    }

    @DynamoTable("t")
    record ListIndexKey(@PartitionKey String id, @IndexKey(index = "by-tags") List<String> tags) {}

    @Test
    void metadata_indexKeyNotStoredAsScalar_fails() {
        assertFails(
                ListIndexKey.class,
                "model "
                        + n(ListIndexKey.class)
                        + ": field 'tags' is the partition key of "
                        + "index 'by-tags' but is stored as L: a key must be stored as S, N or B (string, number or binary); "
                        + "use such a type, or a @Convert converter that writes one");
    }

    @DynamoTable("t")
    record BlankIndexName(@PartitionKey String id, @IndexKey(index = "") String a) {}

    @Test
    void metadata_blankIndexName_fails() {
        assertFails(
                BlankIndexName.class,
                "model "
                        + n(BlankIndexName.class)
                        + ": field 'a' has an @IndexKey with an "
                        + "empty index name: name the index");
    }
}
