package dev.dynamorm.test;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** A JavaBean model of the kit's own tests. */
@DynamoTable("customers")
public class KitCustomer {

    /** A customer with no fields set, for the mapper. */
    public KitCustomer() {}

    @PartitionKey private String id;
    private String name;
    private boolean vip;
    private BigDecimal credit;
    private Set<String> tags;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isVip() {
        return vip;
    }

    public void setVip(boolean vip) {
        this.vip = vip;
    }

    public BigDecimal getCredit() {
        return credit;
    }

    public void setCredit(BigDecimal credit) {
        this.credit = credit;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KitCustomer c
                && Objects.equals(id, c.id)
                && Objects.equals(name, c.name)
                && vip == c.vip
                && (credit == null
                        ? c.credit == null
                        : c.credit != null && credit.compareTo(c.credit) == 0)
                && Objects.equals(tags, c.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, vip);
    }

    @Override
    public String toString() {
        return "KitCustomer["
                + id
                + ", "
                + name
                + ", vip="
                + vip
                + ", credit="
                + credit
                + ", tags="
                + tags
                + "]";
    }
}
