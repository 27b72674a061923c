package dev.dynamorm.benchmarks.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The JavaBean twin of {@link Order} for the Enhanced Client. */
@DynamoDbBean
public class OrderBean {
    private String customerId;
    private String orderId;
    private String status;
    private Instant createdAt;
    private long totalCents;
    private int itemCount;
    private double discount;
    private String currency;
    private boolean gift;
    private List<String> tags;
    private Map<String, String> attributes;
    private AddressBean shippingAddress;
    private String note;
    private String channel;
    private int priority;

    /** For the mappers. */
    public OrderBean() {}

    /**
     * @return customerId
     */
    @DynamoDbPartitionKey
    public String getCustomerId() {
        return customerId;
    }

    /**
     * @param customerId the value
     */
    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    /**
     * @return orderId
     */
    @DynamoDbSortKey
    public String getOrderId() {
        return orderId;
    }

    /**
     * @param orderId the value
     */
    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    /**
     * @return status
     */
    public String getStatus() {
        return status;
    }

    /**
     * @param status the value
     */
    public void setStatus(String status) {
        this.status = status;
    }

    /**
     * @return createdAt
     */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * @param createdAt the value
     */
    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /**
     * @return totalCents
     */
    public long getTotalCents() {
        return totalCents;
    }

    /**
     * @param totalCents the value
     */
    public void setTotalCents(long totalCents) {
        this.totalCents = totalCents;
    }

    /**
     * @return itemCount
     */
    public int getItemCount() {
        return itemCount;
    }

    /**
     * @param itemCount the value
     */
    public void setItemCount(int itemCount) {
        this.itemCount = itemCount;
    }

    /**
     * @return discount
     */
    public double getDiscount() {
        return discount;
    }

    /**
     * @param discount the value
     */
    public void setDiscount(double discount) {
        this.discount = discount;
    }

    /**
     * @return currency
     */
    public String getCurrency() {
        return currency;
    }

    /**
     * @param currency the value
     */
    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /**
     * @return gift
     */
    public boolean isGift() {
        return gift;
    }

    /**
     * @param gift the value
     */
    public void setGift(boolean gift) {
        this.gift = gift;
    }

    /**
     * @return tags
     */
    public List<String> getTags() {
        return tags;
    }

    /**
     * @param tags the value
     */
    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /**
     * @return attributes
     */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    /**
     * @param attributes the value
     */
    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    /**
     * @return shippingAddress
     */
    public AddressBean getShippingAddress() {
        return shippingAddress;
    }

    /**
     * @param shippingAddress the value
     */
    public void setShippingAddress(AddressBean shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    /**
     * @return note
     */
    public String getNote() {
        return note;
    }

    /**
     * @param note the value
     */
    public void setNote(String note) {
        this.note = note;
    }

    /**
     * @return channel
     */
    public String getChannel() {
        return channel;
    }

    /**
     * @param channel the value
     */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    /**
     * @return priority
     */
    public int getPriority() {
        return priority;
    }

    /**
     * @param priority the value
     */
    public void setPriority(int priority) {
        this.priority = priority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderBean b
                && Objects.equals(customerId, b.customerId)
                && Objects.equals(orderId, b.orderId)
                && Objects.equals(status, b.status)
                && Objects.equals(createdAt, b.createdAt)
                && totalCents == b.totalCents
                && itemCount == b.itemCount
                && discount == b.discount
                && Objects.equals(currency, b.currency)
                && gift == b.gift
                && Objects.equals(tags, b.tags)
                && Objects.equals(attributes, b.attributes)
                && Objects.equals(shippingAddress, b.shippingAddress)
                && Objects.equals(note, b.note)
                && Objects.equals(channel, b.channel)
                && priority == b.priority;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                customerId,
                orderId,
                status,
                createdAt,
                totalCents,
                itemCount,
                discount,
                currency,
                gift,
                tags,
                attributes,
                shippingAddress,
                note,
                channel,
                priority);
    }
}
