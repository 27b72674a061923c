package dev.dynamorm.benchmarks.model;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The Enhanced Client's schemas of the bean twins: {@code BeanTableSchema} (reflective, from the
 * annotations) and a hand-built {@code StaticTableSchema} (getters and setters as method
 * references).
 */
public final class Schemas {

    private Schemas() {}

    /**
     * @return the reflective schema of {@link SmallBean}
     */
    public static TableSchema<SmallBean> smallBean() {
        return TableSchema.fromBean(SmallBean.class);
    }

    /**
     * @return the reflective schema of {@link OrderBean}
     */
    public static TableSchema<OrderBean> orderBean() {
        return TableSchema.fromBean(OrderBean.class);
    }

    /**
     * @return the reflective schema of {@link WideBean}
     */
    public static TableSchema<WideBean> wideBean() {
        return TableSchema.fromBean(WideBean.class);
    }

    /**
     * @return the reflective schema of {@link IndexedBean}
     */
    public static TableSchema<IndexedBean> indexedBean() {
        return TableSchema.fromBean(IndexedBean.class);
    }

    /**
     * @return the static schema of {@link SmallBean}
     */
    public static StaticTableSchema<SmallBean> smallStatic() {
        return StaticTableSchema.builder(SmallBean.class)
                .newItemSupplier(SmallBean::new)
                .addAttribute(
                        String.class,
                        a ->
                                a.name("id")
                                        .getter(SmallBean::getId)
                                        .setter(SmallBean::setId)
                                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(
                        String.class,
                        a -> a.name("name").getter(SmallBean::getName).setter(SmallBean::setName))
                .addAttribute(
                        Integer.class,
                        a ->
                                a.name("quantity")
                                        .getter(SmallBean::getQuantity)
                                        .setter(SmallBean::setQuantity))
                .addAttribute(
                        Long.class,
                        a ->
                                a.name("priceCents")
                                        .getter(SmallBean::getPriceCents)
                                        .setter(SmallBean::setPriceCents))
                .addAttribute(
                        Boolean.class,
                        a ->
                                a.name("active")
                                        .getter(SmallBean::isActive)
                                        .setter(SmallBean::setActive))
                .build();
    }

    /**
     * @return the static schema of {@link AddressBean}
     */
    public static StaticTableSchema<AddressBean> addressStatic() {
        return StaticTableSchema.builder(AddressBean.class)
                .newItemSupplier(AddressBean::new)
                .addAttribute(
                        String.class,
                        a ->
                                a.name("street")
                                        .getter(AddressBean::getStreet)
                                        .setter(AddressBean::setStreet))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("city")
                                        .getter(AddressBean::getCity)
                                        .setter(AddressBean::setCity))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("postalCode")
                                        .getter(AddressBean::getPostalCode)
                                        .setter(AddressBean::setPostalCode))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("country")
                                        .getter(AddressBean::getCountry)
                                        .setter(AddressBean::setCountry))
                .build();
    }

    /**
     * @return the static schema of {@link OrderBean}
     */
    public static StaticTableSchema<OrderBean> orderStatic() {
        StaticTableSchema<AddressBean> address = addressStatic();
        return StaticTableSchema.builder(OrderBean.class)
                .newItemSupplier(OrderBean::new)
                .addAttribute(
                        String.class,
                        a ->
                                a.name("customerId")
                                        .getter(OrderBean::getCustomerId)
                                        .setter(OrderBean::setCustomerId)
                                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("orderId")
                                        .getter(OrderBean::getOrderId)
                                        .setter(OrderBean::setOrderId)
                                        .tags(StaticAttributeTags.primarySortKey()))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("status")
                                        .getter(OrderBean::getStatus)
                                        .setter(OrderBean::setStatus))
                .addAttribute(
                        Instant.class,
                        a ->
                                a.name("createdAt")
                                        .getter(OrderBean::getCreatedAt)
                                        .setter(OrderBean::setCreatedAt))
                .addAttribute(
                        Long.class,
                        a ->
                                a.name("totalCents")
                                        .getter(OrderBean::getTotalCents)
                                        .setter(OrderBean::setTotalCents))
                .addAttribute(
                        Integer.class,
                        a ->
                                a.name("itemCount")
                                        .getter(OrderBean::getItemCount)
                                        .setter(OrderBean::setItemCount))
                .addAttribute(
                        Double.class,
                        a ->
                                a.name("discount")
                                        .getter(OrderBean::getDiscount)
                                        .setter(OrderBean::setDiscount))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("currency")
                                        .getter(OrderBean::getCurrency)
                                        .setter(OrderBean::setCurrency))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("gift").getter(OrderBean::isGift).setter(OrderBean::setGift))
                .addAttribute(
                        EnhancedType.listOf(String.class),
                        a -> a.name("tags").getter(OrderBean::getTags).setter(OrderBean::setTags))
                .addAttribute(
                        EnhancedType.mapOf(String.class, String.class),
                        a ->
                                a.name("attributes")
                                        .getter(OrderBean::getAttributes)
                                        .setter(OrderBean::setAttributes))
                .addAttribute(
                        EnhancedType.documentOf(AddressBean.class, address),
                        a ->
                                a.name("shippingAddress")
                                        .getter(OrderBean::getShippingAddress)
                                        .setter(OrderBean::setShippingAddress))
                .addAttribute(
                        String.class,
                        a -> a.name("note").getter(OrderBean::getNote).setter(OrderBean::setNote))
                .addAttribute(
                        String.class,
                        a ->
                                a.name("channel")
                                        .getter(OrderBean::getChannel)
                                        .setter(OrderBean::setChannel))
                .addAttribute(
                        Integer.class,
                        a ->
                                a.name("priority")
                                        .getter(OrderBean::getPriority)
                                        .setter(OrderBean::setPriority))
                .build();
    }

    /**
     * @return the static schema of {@link WideBean}
     */
    public static StaticTableSchema<WideBean> wideStatic() {
        return WideStaticSchema.create();
    }
}
