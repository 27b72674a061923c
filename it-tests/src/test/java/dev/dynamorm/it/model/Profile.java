package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Ignore;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** A JavaBean model with snake_case attribute names and an ignored field. */
@DynamoTable(value = "profiles", naming = NamingConvention.SNAKE_CASE)
public class Profile {
    private String userId;
    private int profileVersion;
    private String displayName;
    private String scratch;

    /** Creates an empty profile. */
    public Profile() {}

    /** Creates a profile. */
    public Profile(String userId, int profileVersion, String displayName) {
        this.userId = userId;
        this.profileVersion = profileVersion;
        this.displayName = displayName;
    }

    @PartitionKey
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    @SortKey
    public int getProfileVersion() {
        return profileVersion;
    }

    public void setProfileVersion(int profileVersion) {
        this.profileVersion = profileVersion;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    @Ignore
    public String getScratch() {
        return scratch;
    }

    public void setScratch(String scratch) {
        this.scratch = scratch;
    }
}
