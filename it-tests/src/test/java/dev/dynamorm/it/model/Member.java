package dev.dynamorm.it.model;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.annotations.Version;

/**
 * A model with two {@code @Unique} fields (one renamed) and a version: at most one member per
 * e-mail address and per handle.
 */
@DynamoTable("members")
public record Member(
        @PartitionKey String id,
        @Unique String email,
        @Unique @Attribute("handle_name") String handle,
        String name,
        @Version long version) {

    /**
     * A new member.
     *
     * @param id the key
     * @param email the unique e-mail address, or null
     * @param handle the unique handle, or null
     * @return the member, not yet stored (version 0)
     */
    public static Member of(String id, String email, String handle) {
        return new Member(id, email, handle, "member " + id, 0);
    }

    /**
     * This member with another e-mail address.
     *
     * @param newEmail the address
     * @return a copy
     */
    public Member withEmail(String newEmail) {
        return new Member(id, newEmail, handle, name, version);
    }
}
