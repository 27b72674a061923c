package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import java.util.List;

/** The README's local secondary index query, compiled. */
public final class LocalIndexTour {

    private LocalIndexTour() {}

    /**
     * Reads a room's messages by one author through the local index.
     *
     * @param db the instance
     * @return the messages of ann in the lobby
     */
    public static List<Message> byAuthor(DynamORM db) {
        List<Message> anns =
                db.table(Message.class)
                        .where("roomId", "=", "lobby")
                        .where("author", "=", "ann")
                        .consistentRead() // allowed on an LSI, unlike a GSI
                        .all();
        return anns;
    }
}
