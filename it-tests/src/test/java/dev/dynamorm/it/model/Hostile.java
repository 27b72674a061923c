package dev.dynamorm.it.model;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.util.List;
import java.util.Set;

/**
 * A model whose attribute names are hostile to expression building: expression syntax, placeholder
 * characters, spaces, unicode, reserved words and a 1000-character name.
 */
@DynamoTable("hostile")
public record Hostile(
        @PartitionKey @Attribute("#pk:") String pk,
        @SortKey @Attribute("sort key (x)") String sk,
        @Attribute("a = :v0 OR #n0") String quoted,
        @Attribute("SELECT") String reserved,
        @Attribute("名前 ü 😀") String unicode,
        @Attribute(Hostile.LONG_NAME) String longName,
        @Attribute("size") long number,
        @Attribute("contains(x, :y)") List<String> list,
        @Attribute("\"'`;--") Set<String> labels) {

    private static final String TEN = "abcdefghi_";
    private static final String HUNDRED = TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN + TEN;

    /** A 1000-character attribute name. */
    public static final String LONG_NAME =
            HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED + HUNDRED
                    + HUNDRED;
}
