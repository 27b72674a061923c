package dev.dynamorm.examples;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;

/** The README's multi-attribute index keys, runnable on the embedded engine. */
public final class MultiKeyTour {

    private MultiKeyTour() {}

    /**
     * Writes three matches and reads them back through the multi-attribute index.
     *
     * @param db the instance
     * @return the winners of the EU semi-finals of W24, in bracket order
     */
    public static List<String> semiFinalWinners(DynamORM db) {
        Table<TournamentMatch> matches = db.table(TournamentMatch.class);
        matches.createTableIfMissing(); // GSI by-region: HASH tournament, region; RANGE round,
        // bracket
        matches.put(new TournamentMatch("m1", "W24", "EU", "SEMI", "UPPER", "ann"));
        matches.put(new TournamentMatch("m2", "W24", "EU", "SEMI", "LOWER", "bob"));
        matches.put(new TournamentMatch("m3", "W24", "US", "SEMI", "UPPER", "cid"));
        List<TournamentMatch> semis =
                db.table(TournamentMatch.class)
                        .where("tournament", "=", "W24") // every partition field with '='
                        .where("region", "=", "EU")
                        .where("round", "=", "SEMI") // then sort fields from the first one on
                        .all(); // one Query on by-region: bob, ann
        return semis.stream().map(TournamentMatch::winner).toList();
    }

    /**
     * Runs the tour on the embedded engine.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            System.out.println(semiFinalWinners(db));
        }
    }
}
