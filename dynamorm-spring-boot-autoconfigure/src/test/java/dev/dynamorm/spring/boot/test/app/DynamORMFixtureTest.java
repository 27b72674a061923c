package dev.dynamorm.spring.boot.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Table;
import dev.dynamorm.spring.boot.test.DynamORMFixture;
import dev.dynamorm.spring.boot.test.DynamORMTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DynamORMTest
@DynamORMFixture("notes.json")
class DynamORMFixtureTest {

    @Autowired Table<Note> notes;

    @Test
    void theClassFixtureIsInTheTableBeforeTheTest() {
        assertThat(notes.get("f-1")).contains(new Note("f-1", "first"));
        assertThat(notes.get("f-2")).contains(new Note("f-2", "second"));
    }

    @Test
    @DynamORMFixture("/fixtures/more-notes.json")
    void aMethodFixtureIsLoadedAfterTheClassFixture() {
        assertThat(notes.get("f-1")).contains(new Note("f-1", "first"));
        assertThat(notes.get("f-2")).contains(new Note("f-2", "second, replaced"));
        assertThat(notes.get("f-3")).contains(new Note("f-3", "third"));
    }
}
