package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class ModelMappingTest {

    private final ModelRegistry registry = TestConverters.registry();

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    // ---------------------------------------------------------------- records

    enum Status {
        NEW,
        SHIPPED
    }

    record Address(String street, @Attribute("zip_code") String zip) {}

    @DynamoTable("orders")
    record Order(
            @PartitionKey String customerId,
            @SortKey long orderNo,
            Status status,
            int quantity,
            double total,
            boolean gift,
            Address shipTo,
            List<Address> history,
            Map<String, Address> byLabel,
            List<String> tags,
            @Version Long version,
            @CreatedAt Instant createdAt,
            @UpdatedAt LocalDateTime updatedAt) {}

    @Test
    void roundTrip_recordWithNestedRecordsListsAndMaps_givesEqualRecord() {
        ModelMetadata<Order> meta = registry.metadata(Order.class);
        Address home = new Address("1 Main St", "12345");
        Order order =
                new Order(
                        "c-1",
                        42L,
                        Status.SHIPPED,
                        3,
                        9.5,
                        true,
                        home,
                        List.of(home, new Address("2 Side St", null)),
                        Map.of("home", home),
                        List.of("a", "b"),
                        7L,
                        Instant.parse("2024-01-02T03:04:05Z"),
                        LocalDateTime.parse("2024-01-02T03:04:05"));

        Map<String, AttributeValue> item = meta.toItem(order);

        assertThat(item)
                .containsEntry("customerId", s("c-1"))
                .containsEntry("orderNo", n("42"))
                .containsEntry("status", s("SHIPPED"))
                .containsEntry("quantity", n("3"))
                .containsEntry("gift", AttributeValue.fromBool(true))
                .containsEntry("version", n("7"))
                .containsEntry(
                        "shipTo",
                        AttributeValue.fromM(
                                Map.of("street", s("1 Main St"), "zip_code", s("12345"))));
        assertThat(item.get("history").l().get(1))
                .isEqualTo(AttributeValue.fromM(Map.of("street", s("2 Side St"))));
        assertThat(item.get("byLabel").m().get("home").m()).containsEntry("zip_code", s("12345"));
        assertThat(item.keySet())
                .containsExactlyInAnyOrder(
                        "customerId",
                        "orderNo",
                        "status",
                        "quantity",
                        "total",
                        "gift",
                        "shipTo",
                        "history",
                        "byLabel",
                        "tags",
                        "version",
                        "createdAt",
                        "updatedAt");
        assertThat(meta.fields())
                .extracting(FieldMetadata::attributeName)
                .containsExactly(
                        "customerId",
                        "orderNo",
                        "status",
                        "quantity",
                        "total",
                        "gift",
                        "shipTo",
                        "history",
                        "byLabel",
                        "tags",
                        "version",
                        "createdAt",
                        "updatedAt");
        assertThat(meta.fromItem(item)).isEqualTo(order);
    }

    @Test
    void metadata_record_exposesKeysLifecycleFieldsAndNestedModels() {
        ModelMetadata<Order> meta = registry.metadata(Order.class);

        assertThat(meta.type()).isEqualTo(Order.class);
        assertThat(meta.tableName()).contains("orders");
        assertThat(meta.partitionKey().name()).isEqualTo("customerId");
        assertThat(meta.partitionKey().isPartitionKey()).isTrue();
        assertThat(meta.partitionKey().attributeType()).isEqualTo(AttributeValue.Type.S);
        assertThat(meta.sortKey()).get().extracting(FieldMetadata::name).isEqualTo("orderNo");
        assertThat(meta.sortKey().get().attributeType()).isEqualTo(AttributeValue.Type.N);
        assertThat(meta.versionField()).get().extracting(FieldMetadata::name).isEqualTo("version");
        assertThat(meta.createdAtField())
                .get()
                .extracting(FieldMetadata::name)
                .isEqualTo("createdAt");
        assertThat(meta.updatedAtField())
                .get()
                .extracting(FieldMetadata::name)
                .isEqualTo("updatedAt");
        assertThat(meta.ttlField()).isEmpty();
        assertThat(meta.encryptedFields()).isEmpty();
        assertThat(meta.indexes()).isEmpty();
        assertThat(meta.field("shipTo").nestedModel())
                .get()
                .isSameAs(registry.nestedMetadata(Address.class));
        assertThat(meta.field("history").nestedModel()).isEmpty();
        assertThat(meta.field("history").genericType().getTypeName())
                .isEqualTo("java.util.List<" + Address.class.getName() + ">");
        assertThat(meta.field("history").rawType()).isEqualTo(List.class);
        assertThat(meta.field("nope")).isNull();
        assertThat(meta.fieldByAttribute("orderNo").name()).isEqualTo("orderNo");
        assertThat(meta.fields())
                .extracting(FieldMetadata::name)
                .startsWith("customerId", "orderNo", "status");

        ModelMetadata<Address> address = registry.nestedMetadata(Address.class);
        assertThat(address.tableName()).isEmpty();
        assertThat(address.fieldByAttribute("zip_code").name()).isEqualTo("zip");
        assertThatThrownBy(address::partitionKey).isInstanceOf(IllegalStateException.class);
        assertThat(address.sortKey()).isEmpty();
    }

    @Test
    void metadata_sameClass_returnsSameInstance() {
        assertThat(registry.metadata(Order.class))
                .isSameAs(registry.metadata(Order.class))
                .isSameAs(registry.nestedMetadata(Order.class));
    }

    @Test
    void fromItem_absentAttributes_givePrimitiveZerosAndNulls() {
        Order order =
                registry.metadata(Order.class)
                        .fromItem(
                                Map.of(
                                        "customerId",
                                        s("c"),
                                        "quantity",
                                        AttributeValue.fromNul(true)));

        assertThat(order)
                .isEqualTo(
                        new Order(
                                "c", 0L, null, 0, 0.0, false, null, null, null, null, null, null,
                                null));
    }

    @Test
    void toItem_nullFields_areOmitted() {
        Order order =
                new Order("c", 1L, null, 0, 0.0, false, null, null, null, null, null, null, null);

        assertThat(registry.metadata(Order.class).toItem(order))
                .containsOnlyKeys("customerId", "orderNo", "quantity", "total", "gift");
    }

    // ---------------------------------------------------------------- naming

    record Inner(String zipCode, String cityName) {}

    @DynamoTable(value = "snakes", naming = NamingConvention.SNAKE_CASE)
    record Snake(
            @PartitionKey String userId,
            @Attribute("Custom") String someName,
            String httpURLValue,
            Inner inner) {}

    @Test
    void toItem_snakeCaseAndRenames_nameAttributes() {
        ModelMetadata<Snake> meta = registry.metadata(Snake.class);
        Snake snake = new Snake("u", "n", "v", new Inner("z", "c"));

        Map<String, AttributeValue> item = meta.toItem(snake);

        assertThat(item).containsOnlyKeys("user_id", "Custom", "http_url_value", "inner");
        // nested types without @DynamoTable keep their own (camel case) names
        assertThat(item.get("inner").m()).containsOnlyKeys("zipCode", "cityName");
        assertThat(meta.field("userId").attributeName()).isEqualTo("user_id");
        assertThat(meta.fieldByAttribute("Custom").name()).isEqualTo("someName");
        assertThat(meta.fromItem(item)).isEqualTo(snake);
    }

    // ---------------------------------------------------------------- beans

    /** A nested JavaBean. */
    public static final class Line {
        private String sku;
        private int count;

        public Line() {}

        Line(String sku, int count) {
            this.sku = sku;
            this.count = count;
        }

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && Objects.equals(sku, l.sku) && count == l.count;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, count);
        }
    }

    /**
     * A JavaBean model: annotations on fields and getters, a field-only property, ignored and
     * transient fields.
     */
    @DynamoTable(value = "carts", naming = NamingConvention.SNAKE_CASE)
    public static final class Cart {
        @PartitionKey private String cartId;
        private boolean active;
        private Line firstLine;
        private List<Line> lines;

        @Attribute("note_text")
        private String note;

        @Ignore private String scratch;
        private transient String cache;
        private static String shared = "static";

        /** No accessors: mapped because it is annotated. */
        @Version private long revision;

        private Address address;

        public String getCartId() {
            return cartId;
        }

        public void setCartId(String cartId) {
            this.cartId = cartId;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Line getFirstLine() {
            return firstLine;
        }

        public void setFirstLine(Line firstLine) {
            this.firstLine = firstLine;
        }

        public List<Line> getLines() {
            return lines;
        }

        public void setLines(List<Line> lines) {
            this.lines = lines;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public String getScratch() {
            return scratch;
        }

        public void setScratch(String scratch) {
            this.scratch = scratch;
        }

        public String getCache() {
            return cache;
        }

        public void setCache(String cache) {
            this.cache = cache;
        }

        public static String getShared() {
            return shared;
        }

        public static void setShared(String s) {
            shared = s;
        }

        long revision() {
            return revision;
        }

        void revision(long r) {
            revision = r;
        }

        /** Read-only: not mapped. */
        public String getSummary() {
            return cartId + "/" + note;
        }

        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }

        /** A computed property with a getter and setter but no field. */
        public String getZComputed() {
            return note == null ? null : note.toUpperCase(java.util.Locale.ROOT);
        }

        public void setZComputed(String value) {
            // derived
        }
    }

    @Test
    void metadata_bean_findsPropertiesFromAccessorsAndAnnotatedFields() {
        ModelMetadata<Cart> meta = registry.metadata(Cart.class);

        assertThat(meta.fields())
                .extracting(FieldMetadata::name)
                .containsExactly(
                        "cartId",
                        "active",
                        "firstLine",
                        "lines",
                        "note",
                        "revision",
                        "address",
                        "ZComputed");
        assertThat(meta.fields())
                .extracting(FieldMetadata::attributeName)
                .containsExactly(
                        "cart_id",
                        "active",
                        "first_line",
                        "lines",
                        "note_text",
                        "revision",
                        "address",
                        "z_computed");
        assertThat(meta.versionField()).get().extracting(FieldMetadata::name).isEqualTo("revision");
    }

    @Test
    void roundTrip_beanWithNestedBeans_givesEqualState() {
        ModelMetadata<Cart> meta = registry.metadata(Cart.class);
        Cart cart = new Cart();
        cart.setCartId("c-1");
        cart.setActive(true);
        cart.setFirstLine(new Line("sku-1", 2));
        cart.setLines(List.of(new Line("sku-1", 2), new Line("sku-2", 0)));
        cart.setNote("hello");
        cart.setScratch("not stored");
        cart.setCache("not stored");
        cart.revision(5);

        Map<String, AttributeValue> item = meta.toItem(cart);

        assertThat(item)
                .containsOnlyKeys(
                        "cart_id",
                        "active",
                        "first_line",
                        "lines",
                        "note_text",
                        "revision",
                        "z_computed");
        assertThat(item)
                .contains(
                        entry("revision", n("5")),
                        entry("z_computed", s("HELLO")),
                        entry(
                                "first_line",
                                AttributeValue.fromM(Map.of("sku", s("sku-1"), "count", n("2")))));
        Cart back = meta.fromItem(item);
        assertThat(back.getCartId()).isEqualTo("c-1");
        assertThat(back.isActive()).isTrue();
        assertThat(back.getFirstLine()).isEqualTo(new Line("sku-1", 2));
        assertThat(back.getLines()).containsExactly(new Line("sku-1", 2), new Line("sku-2", 0));
        assertThat(back.getNote()).isEqualTo("hello");
        assertThat(back.getScratch()).isNull();
        assertThat(back.getCache()).isNull();
        assertThat(back.revision()).isEqualTo(5);
    }

    /** A table bean with annotations on getters. */
    @DynamoTable("accounts")
    public static final class Account {
        private String id;
        private int logins;
        private Boolean verified;

        @PartitionKey
        @Attribute("pk")
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public int getLogins() {
            return logins;
        }

        public void setLogins(int logins) {
            this.logins = logins;
        }

        public Boolean getVerified() {
            return verified;
        }

        public void setVerified(Boolean verified) {
            this.verified = verified;
        }
    }

    @Test
    void roundTrip_beanAnnotatedOnGetters_works() {
        ModelMetadata<Account> meta = registry.metadata(Account.class);
        Account a = new Account();
        a.setId("a-1");
        a.setLogins(3);

        Map<String, AttributeValue> item = meta.toItem(a);

        assertThat(item).containsOnly(entry("pk", s("a-1")), entry("logins", n("3")));
        assertThat(meta.partitionKey().attributeName()).isEqualTo("pk");
        Account back = meta.fromItem(Map.of("pk", s("a-1")));
        assertThat(back.getId()).isEqualTo("a-1");
        assertThat(back.getLogins()).isZero();
        assertThat(back.getVerified()).isNull();
    }

    /** A generic base class whose key type a subclass binds. */
    public abstract static class Entity<K> {
        @PartitionKey private K id;

        public K getId() {
            return id;
        }

        public void setId(K id) {
            this.id = id;
        }
    }

    /** Binds the key to Long. */
    @DynamoTable("things")
    public static final class Thing extends Entity<Long> {
        private List<String> names;

        public List<String> getNames() {
            return names;
        }

        public void setNames(List<String> names) {
            this.names = names;
        }
    }

    @Test
    void metadata_genericSuperclass_resolvesTypeVariables() {
        ModelMetadata<Thing> meta = registry.metadata(Thing.class);
        Thing t = new Thing();
        t.setId(7L);
        t.setNames(List.of("x"));

        assertThat(meta.partitionKey().genericType()).isEqualTo(Long.class);
        assertThat(meta.partitionKey().attributeType()).isEqualTo(AttributeValue.Type.N);
        assertThat(meta.toItem(t)).containsEntry("id", n("7"));
        assertThat(meta.fromItem(meta.toItem(t)).getId()).isEqualTo(7L);
    }

    // ---------------------------------------------------------------- recursive and nested-bean
    // types

    record Node(String name, List<Node> children, Node parent) {}

    @DynamoTable("trees")
    record Tree(@PartitionKey String id, Node root, Map<String, Node> index) {}

    @Test
    void roundTrip_recursiveType_works() {
        ModelMetadata<Tree> meta = registry.metadata(Tree.class);
        Node leaf = new Node("leaf", List.of(), null);
        Node root =
                new Node(
                        "root",
                        List.of(leaf, new Node("other", List.of(leaf), new Node("up", null, null))),
                        null);
        Tree tree = new Tree("t", root, Map.of("leaf", leaf));

        Map<String, AttributeValue> item = meta.toItem(tree);

        assertThat(item.get("root").m().get("children").l().get(1).m().get("parent").m())
                .containsOnly(entry("name", s("up")));
        assertThat(meta.fromItem(item)).isEqualTo(tree);
        ModelMetadata<?> node = meta.field("root").nestedModel().orElseThrow();
        assertThat(node.field("parent").nestedModel()).get().isSameAs(node);
    }

    // ---------------------------------------------------------------- ignore and convert

    @DynamoTable("ignored")
    record WithIgnored(
            @PartitionKey String id, @Ignore String transientNote, @Ignore int counter) {}

    @Test
    void roundTrip_ignoredRecordComponents_areNotStoredAndReadAsDefaults() {
        ModelMetadata<WithIgnored> meta = registry.metadata(WithIgnored.class);

        Map<String, AttributeValue> item = meta.toItem(new WithIgnored("i", "note", 5));

        assertThat(item).containsOnlyKeys("id");
        assertThat(meta.fields()).extracting(FieldMetadata::name).containsExactly("id");
        assertThat(meta.fromItem(Map.of("id", s("i"), "transientNote", s("x"))))
                .isEqualTo(new WithIgnored("i", null, 0));
    }

    /** Stores a string reversed, to prove it is used. */
    public static final class ReversingConverter implements Converter<String> {
        @Override
        public AttributeValue toAttributeValue(String value) {
            return AttributeValue.fromS(new StringBuilder(value).reverse().toString());
        }

        @Override
        public String fromAttributeValue(AttributeValue attribute) {
            return new StringBuilder(attribute.s()).reverse().toString();
        }

        @Override
        public AttributeValue.Type attributeType() {
            return AttributeValue.Type.S;
        }
    }

    /** Stores an integer as a string. */
    public static final class IntAsString implements Converter<Integer> {
        @Override
        public AttributeValue toAttributeValue(Integer value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative: " + value);
            }
            return AttributeValue.fromS(value.toString());
        }

        @Override
        public Integer fromAttributeValue(AttributeValue attribute) {
            if (attribute.s() == null) {
                throw new IllegalArgumentException("expected S");
            }
            return Integer.valueOf(attribute.s());
        }

        @Override
        public AttributeValue.Type attributeType() {
            return AttributeValue.Type.S;
        }

        @Override
        public Integer absentValue() {
            return -1;
        }
    }

    @DynamoTable("converted")
    record Converted(
            @PartitionKey @Convert(ReversingConverter.class) String id,
            @Convert(IntAsString.class) int code) {}

    @Test
    void roundTrip_convertAnnotation_usesThatConverter() {
        ModelMetadata<Converted> meta = registry.metadata(Converted.class);

        Map<String, AttributeValue> item = meta.toItem(new Converted("abc", 12));

        assertThat(item).containsOnly(entry("id", s("cba")), entry("code", s("12")));
        assertThat(meta.fromItem(item)).isEqualTo(new Converted("abc", 12));
        assertThat(meta.fromItem(Map.of("id", s("cba")))).isEqualTo(new Converted("abc", -1));
        assertThat(meta.field("code").converter()).isInstanceOf(IntAsString.class);
    }

    @Test
    void toItem_converterRejectsValue_failsNamingModelFieldAndAttribute() {
        ModelMetadata<Converted> meta = registry.metadata(Converted.class);

        assertThatThrownBy(() -> meta.toItem(new Converted("abc", -3)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot convert field 'code' (attribute 'code') of model "
                                + Converted.class.getName()
                                + ": negative: -3")
                .satisfies(
                        e ->
                                assertThat(((InvalidRequestException) e).operation())
                                        .contains(Operation.PUT));
        assertThatThrownBy(() -> meta.toItem(new Converted("abc", -3), Operation.UPDATE))
                .satisfies(
                        e ->
                                assertThat(((InvalidRequestException) e).operation())
                                        .contains(Operation.UPDATE));
    }

    @Test
    void fromItem_attributeOfWrongType_failsNamingModelFieldAndAttribute() {
        ModelMetadata<Order> meta = registry.metadata(Order.class);

        assertThatThrownBy(() -> meta.fromItem(Map.of("customerId", s("c"), "quantity", s("many"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot read attribute 'quantity' into field 'quantity' of model "
                                + Order.class.getName()
                                + ": expected N but got S")
                .satisfies(
                        e ->
                                assertThat(((InvalidRequestException) e).operation())
                                        .contains(Operation.GET));
        assertThatThrownBy(
                        () ->
                                meta.fromItem(
                                        Map.of(
                                                "customerId",
                                                s("c"),
                                                "shipTo",
                                                AttributeValue.fromM(Map.of("zip_code", n("1"))))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot read attribute 'shipTo' into field 'shipTo' of model "
                                + Order.class.getName()
                                + ": cannot read attribute 'zip_code' into field 'zip' of model "
                                + Address.class.getName()
                                + ": expected S but got N");
        assertThatThrownBy(() -> meta.fromItem(Map.of("customerId", s("c"), "shipTo", s("x"))))
                .hasMessage(
                        "cannot read attribute 'shipTo' into field 'shipTo' of model "
                                + Order.class.getName()
                                + ": expected a map (M) attribute for "
                                + Address.class.getName()
                                + " but got a S attribute");
    }

    record Checked(String value) {
        Checked {
            if (value == null) {
                throw new IllegalArgumentException("value is required");
            }
        }
    }

    @DynamoTable("checked")
    record HasChecked(@PartitionKey String id, Checked checked) {}

    @Test
    void fromItem_recordConstructorRejectsValues_failsWithInvalidRequest() {
        ModelMetadata<HasChecked> meta = registry.metadata(HasChecked.class);

        assertThatThrownBy(
                        () ->
                                meta.fromItem(
                                        Map.of(
                                                "id",
                                                s("i"),
                                                "checked",
                                                AttributeValue.fromM(Map.of()))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "cannot create a "
                                + Checked.class.getName()
                                + " from a stored item: its "
                                + "canonical constructor threw java.lang.IllegalArgumentException: value is required");
    }

    // ---------------------------------------------------------------- TTL

    @DynamoTable("ttl")
    record TtlInstant(@PartitionKey String id, @Ttl Instant expires) {}

    @DynamoTable("ttl")
    record TtlOffset(@PartitionKey String id, @Ttl OffsetDateTime expires) {}

    @DynamoTable("ttl")
    record TtlZoned(@PartitionKey String id, @Ttl ZonedDateTime expires) {}

    @DynamoTable("ttl")
    record TtlLong(@PartitionKey String id, @Ttl long expires) {}

    @DynamoTable("ttl")
    record TtlBoxed(@PartitionKey String id, @Ttl Long expires) {}

    @Test
    void ttl_eachAllowedType_isStoredAsEpochSecondsAndReadBack() {
        Instant at = Instant.parse("2030-01-01T00:00:00.750Z");
        String seconds = "1893456000";

        ModelMetadata<TtlInstant> instant = registry.metadata(TtlInstant.class);
        assertThat(instant.toItem(new TtlInstant("i", at))).containsEntry("expires", n(seconds));
        assertThat(instant.fromItem(Map.of("id", s("i"), "expires", n(seconds))).expires())
                .isEqualTo(Instant.ofEpochSecond(1893456000L));
        assertThat(instant.ttlField())
                .get()
                .satisfies(
                        f -> {
                            assertThat(f.isTtl()).isTrue();
                            assertThat(f.attributeType()).isEqualTo(AttributeValue.Type.N);
                        });

        ModelMetadata<TtlOffset> offset = registry.metadata(TtlOffset.class);
        OffsetDateTime odt = OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2));
        assertThat(offset.toItem(new TtlOffset("i", odt))).containsEntry("expires", n(seconds));
        assertThat(offset.fromItem(Map.of("expires", n(seconds))).expires())
                .isEqualTo(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

        ModelMetadata<TtlZoned> zoned = registry.metadata(TtlZoned.class);
        ZonedDateTime zdt = ZonedDateTime.ofInstant(at, ZoneId.of("Europe/Paris"));
        assertThat(zoned.toItem(new TtlZoned("i", zdt))).containsEntry("expires", n(seconds));
        assertThat(zoned.fromItem(Map.of("expires", n(seconds))).expires())
                .isEqualTo(ZonedDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

        ModelMetadata<TtlLong> primitive = registry.metadata(TtlLong.class);
        assertThat(primitive.toItem(new TtlLong("i", 1893456000L)))
                .containsEntry("expires", n(seconds));
        assertThat(primitive.fromItem(Map.of("expires", n(seconds))).expires())
                .isEqualTo(1893456000L);
        assertThat(primitive.fromItem(Map.of("id", s("i"))).expires()).isZero();

        ModelMetadata<TtlBoxed> boxed = registry.metadata(TtlBoxed.class);
        assertThat(boxed.toItem(new TtlBoxed("i", 1893456000L)))
                .containsEntry("expires", n(seconds));
        assertThat(boxed.fromItem(Map.of("expires", n(seconds))).expires()).isEqualTo(1893456000L);
        assertThat(boxed.fromItem(Map.of("id", s("i"))).expires()).isNull();
        assertThat(boxed.toItem(new TtlBoxed("i", null))).containsOnlyKeys("id");
    }

    @Test
    void ttl_nonNumberAttribute_failsNamingField() {
        assertThatThrownBy(
                        () ->
                                registry.metadata(TtlInstant.class)
                                        .fromItem(Map.of("expires", s("soon"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot read attribute 'expires' into field 'expires' of model "
                                + TtlInstant.class.getName()
                                + ": expected a number (N) of epoch seconds but got a S attribute");
    }

    // ---------------------------------------------------------------- indexes and roles

    @DynamoTable("indexed")
    record Indexed(
            @PartitionKey String id,
            @SortKey String sk,
            @IndexKey(
                            index = "by-status",
                            projection = ProjectionType.INCLUDE,
                            include = {"total", "id", "note"})
                    String status,
            @IndexKey(index = "by-status", role = KeyRole.SORT)
                    @IndexKey(
                            index = "by-date",
                            type = IndexType.LOCAL,
                            role = KeyRole.SORT,
                            projection = ProjectionType.KEYS_ONLY)
                    Instant date,
            @Attribute("amount") long total,
            String note,
            @Encrypted String secret) {}

    @Test
    void indexes_globalAndLocal_areDescribed() {
        ModelMetadata<Indexed> meta = registry.metadata(Indexed.class);

        assertThat(meta.indexes()).hasSize(2);
        IndexMetadata byStatus = meta.indexes().get(0);
        assertThat(byStatus.name()).isEqualTo("by-status");
        assertThat(byStatus.global()).isTrue();
        assertThat(byStatus.partitionKey().name()).isEqualTo("status");
        assertThat(byStatus.sortKey()).get().extracting(FieldMetadata::name).isEqualTo("date");
        assertThat(byStatus.projection()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byStatus.includedAttributes()).containsExactly("amount", "note");
        IndexMetadata byDate = meta.indexes().get(1);
        assertThat(byDate.name()).isEqualTo("by-date");
        assertThat(byDate.global()).isFalse();
        assertThat(byDate.partitionKey()).isSameAs(meta.partitionKey());
        assertThat(byDate.sortKey()).get().isSameAs(meta.field("date"));
        assertThat(byDate.projection()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(byDate.includedAttributes()).isEmpty();
        assertThat(meta.encryptedFields())
                .extracting(FieldMetadata::name)
                .containsExactly("secret");
        assertThat(meta.field("secret").isEncrypted()).isTrue();
        assertThat(meta.field("status").isPartitionKey()).isFalse();
    }

    // ---------------------------------------------------------------- field-level conversion

    @Test
    void field_toAndFromAttributeValue_handleNullAndNul() {
        FieldMetadata quantity = registry.metadata(Order.class).field("quantity");

        assertThat(quantity.toAttributeValue(null)).isNull();
        assertThat(quantity.toAttributeValue(4)).isEqualTo(n("4"));
        assertThat(quantity.fromAttributeValue(null)).isEqualTo(0);
        assertThat(quantity.fromAttributeValue(AttributeValue.fromNul(true))).isEqualTo(0);
        assertThat(quantity.fromAttributeValue(n("9"))).isEqualTo(9);
        assertThat(
                        quantity.get(
                                new Order(
                                        "c", 1, null, 6, 0, false, null, null, null, null, null,
                                        null, null)))
                .isEqualTo(6);
        assertThatThrownBy(() -> quantity.toAttributeValue("six", Operation.QUERY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(
                        "cannot convert field 'quantity' (attribute 'quantity') of model "
                                + Order.class.getName()
                                + ": ")
                .satisfies(
                        e ->
                                assertThat(((InvalidRequestException) e).operation())
                                        .contains(Operation.QUERY));
    }

    @Test
    void toItem_returnsMutableMapInFieldOrder() {
        Map<String, AttributeValue> item =
                registry.metadata(WithIgnored.class).toItem(new WithIgnored("i", null, 0));
        item.put("extra", s("x"));
        assertThat(new HashMap<>(item)).containsKeys("id", "extra");
    }

    /** Accessors as Lombok generates them for a field whose second letter is upper case. */
    @DynamoTable("points")
    public static final class Spot {
        @PartitionKey private String id;
        private int xCoordinate;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public int getXCoordinate() {
            return xCoordinate;
        }

        public void setXCoordinate(int x) {
            this.xCoordinate = x;
        }
    }

    @Test
    void metadata_beanAccessorsWithUpperCaseSecondLetter_matchTheField() {
        ModelMetadata<Spot> meta = registry.metadata(Spot.class);
        Spot spot = new Spot();
        spot.setId("s");
        spot.setXCoordinate(4);

        assertThat(meta.fields())
                .extracting(FieldMetadata::name)
                .containsExactly("id", "xCoordinate");
        assertThat(meta.toItem(spot)).containsEntry("xCoordinate", n("4"));
        assertThat(meta.fromItem(meta.toItem(spot)).getXCoordinate()).isEqualTo(4);
    }

    @DynamoTable("employees")
    record Employee(@PartitionKey String id, Employee manager, List<Employee> reports) {}

    @Test
    void roundTrip_selfReferencingTableModel_works() {
        ModelMetadata<Employee> meta = registry.metadata(Employee.class);
        Employee boss = new Employee("boss", null, null);
        Employee e = new Employee("e", boss, List.of(new Employee("r", null, List.of())));

        assertThat(meta.fromItem(meta.toItem(e))).isEqualTo(e);
        assertThat(meta.field("manager").nestedModel()).get().isSameAs(meta);
    }
}
