package dev.dynamorm.benchmarks.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The JavaBean twin of {@link Indexed} for the Enhanced Client. */
@DynamoDbBean
public class IndexedBean {
    private String tenant;
    private String id;
    private String status;
    private Instant updatedAt;
    private String owner;
    private long priority;
    private String region;
    private String city;
    private String sku;
    private Instant createdAt;
    private long amount;
    private String note;
    private List<String> tags;

    /** For the mappers. */
    public IndexedBean() {}

    /**
     * @return tenant
     */
    @DynamoDbPartitionKey
    public String getTenant() {
        return tenant;
    }

    /**
     * @param tenant the value
     */
    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    /**
     * @return id
     */
    @DynamoDbSortKey
    public String getId() {
        return id;
    }

    /**
     * @param id the value
     */
    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return status
     */
    @DynamoDbSecondaryPartitionKey(indexNames = "by-status")
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
     * @return updatedAt
     */
    @DynamoDbSecondarySortKey(indexNames = "by-status")
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * @param updatedAt the value
     */
    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /**
     * @return owner
     */
    @DynamoDbSecondaryPartitionKey(indexNames = "by-owner")
    public String getOwner() {
        return owner;
    }

    /**
     * @param owner the value
     */
    public void setOwner(String owner) {
        this.owner = owner;
    }

    /**
     * @return priority
     */
    @DynamoDbSecondarySortKey(indexNames = "by-owner")
    public long getPriority() {
        return priority;
    }

    /**
     * @param priority the value
     */
    public void setPriority(long priority) {
        this.priority = priority;
    }

    /**
     * @return region
     */
    @DynamoDbSecondaryPartitionKey(indexNames = "by-region")
    public String getRegion() {
        return region;
    }

    /**
     * @param region the value
     */
    public void setRegion(String region) {
        this.region = region;
    }

    /**
     * @return city
     */
    @DynamoDbSecondarySortKey(indexNames = "by-region")
    public String getCity() {
        return city;
    }

    /**
     * @param city the value
     */
    public void setCity(String city) {
        this.city = city;
    }

    /**
     * @return sku
     */
    @DynamoDbSecondaryPartitionKey(indexNames = "by-sku")
    public String getSku() {
        return sku;
    }

    /**
     * @param sku the value
     */
    public void setSku(String sku) {
        this.sku = sku;
    }

    /**
     * @return createdAt
     */
    @DynamoDbSecondarySortKey(indexNames = "by-created")
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
     * @return amount
     */
    @DynamoDbSecondarySortKey(indexNames = "by-amount")
    public long getAmount() {
        return amount;
    }

    /**
     * @param amount the value
     */
    public void setAmount(long amount) {
        this.amount = amount;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedBean b
                && Objects.equals(tenant, b.tenant)
                && Objects.equals(id, b.id)
                && Objects.equals(status, b.status)
                && Objects.equals(updatedAt, b.updatedAt)
                && Objects.equals(owner, b.owner)
                && priority == b.priority
                && Objects.equals(region, b.region)
                && Objects.equals(city, b.city)
                && Objects.equals(sku, b.sku)
                && Objects.equals(createdAt, b.createdAt)
                && amount == b.amount
                && Objects.equals(note, b.note)
                && Objects.equals(tags, b.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                tenant, id, status, updatedAt, owner, priority, region, city, sku, createdAt,
                amount, note, tags);
    }
}
