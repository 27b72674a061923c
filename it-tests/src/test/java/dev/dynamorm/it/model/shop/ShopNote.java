package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.util.Objects;

/** A JavaBean member of the shop family, with the default discriminator value (its simple name). */
public final class ShopNote implements ShopItem {
    @PartitionKey
    @Attribute("PK")
    private String pk;

    @SortKey
    @Attribute("SK")
    private String sk;

    private String text;

    /** For the mapper. */
    public ShopNote() {}

    /**
     * A note.
     *
     * @param pk the partition key
     * @param sk the sort key
     * @param text the text
     */
    public ShopNote(String pk, String sk, String text) {
        this.pk = pk;
        this.sk = sk;
        this.text = text;
    }

    @Override
    public String pk() {
        return pk;
    }

    @Override
    public String sk() {
        return sk;
    }

    /** The partition key. */
    public String getPk() {
        return pk;
    }

    /** Sets the partition key. */
    public void setPk(String pk) {
        this.pk = pk;
    }

    /** The sort key. */
    public String getSk() {
        return sk;
    }

    /** Sets the sort key. */
    public void setSk(String sk) {
        this.sk = sk;
    }

    /** The text. */
    public String getText() {
        return text;
    }

    /** Sets the text. */
    public void setText(String text) {
        this.text = text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShopNote n
                && Objects.equals(pk, n.pk)
                && Objects.equals(sk, n.sk)
                && Objects.equals(text, n.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pk, sk, text);
    }

    @Override
    public String toString() {
        return "ShopNote[" + pk + ", " + sk + ", " + text + "]";
    }
}
