package dev.dynamorm.examples.unique;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's unique-constraint tour: a second member with a taken e-mail address is refused. */
public final class UniqueTour {

    private UniqueTour() {}

    /**
     * Runs the tour on the embedded engine and prints what happened.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            tour(local.client()).forEach(System.out::println);
        }
    }

    /**
     * Creates a member, tries a second one with the same address, moves the first member to another
     * address and then creates the second one.
     *
     * @param client the client to use
     * @return what the tour saw: the refusal's field and value, then every member at the end
     */
    public static List<Object> tour(DynamoDbClient client) {
        try (DynamORM db = DynamORM.builder().client(client).build()) {
            Table<Member> members = db.table(Member.class);
            members.createTableIfMissing();
            List<Object> seen = new ArrayList<>();
            members.create(new Member("m1", "ada@example.com", "Ada"));
            try {
                members.create(new Member("m2", "ada@example.com", "Eve"));
            } catch (UniqueConstraintException e) {
                seen.add(e.field() + " " + e.value()); // "email ada@example.com": nothing written
            }
            members.where("id", "=", "m1").update(u -> u.set("email", "ada@example.org"));
            members.create(new Member("m2", "ada@example.com", "Eve")); // the old value is free
            seen.addAll(members.scan()); // the sentinel items are not listed
            return seen;
        }
    }
}
