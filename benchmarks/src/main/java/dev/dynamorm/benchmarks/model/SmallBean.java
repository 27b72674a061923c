package dev.dynamorm.benchmarks.model;

import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The JavaBean twin of {@link SmallItem} for the Enhanced Client (BeanTableSchema has no record
 * support).
 */
@DynamoDbBean
public class SmallBean {
    private String id;
    private String name;
    private int quantity;
    private long priceCents;
    private boolean active;

    /** For the mappers. */
    public SmallBean() {}

    /**
     * @return the partition key
     */
    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    /**
     * @param id the partition key
     */
    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * @param name the name
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * @return the quantity
     */
    public int getQuantity() {
        return quantity;
    }

    /**
     * @param quantity the quantity
     */
    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    /**
     * @return the price
     */
    public long getPriceCents() {
        return priceCents;
    }

    /**
     * @param priceCents the price
     */
    public void setPriceCents(long priceCents) {
        this.priceCents = priceCents;
    }

    /**
     * @return the flag
     */
    public boolean isActive() {
        return active;
    }

    /**
     * @param active the flag
     */
    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmallBean b
                && Objects.equals(id, b.id)
                && Objects.equals(name, b.name)
                && quantity == b.quantity
                && priceCents == b.priceCents
                && active == b.active;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, quantity, priceCents, active);
    }
}
