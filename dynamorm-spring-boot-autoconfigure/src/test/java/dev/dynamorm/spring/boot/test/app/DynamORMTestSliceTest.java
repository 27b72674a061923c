package dev.dynamorm.spring.boot.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Table;
import dev.dynamorm.spring.boot.test.DynamORMTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@DynamORMTest
class DynamORMTestSliceTest {

    @Autowired Table<Note> notes;

    @Autowired ApplicationContext context;

    @Test
    void theSliceGivesTablesOnTheEmbeddedEngine() {
        notes.put(new Note("n-1", "hello"));

        assertThat(notes.get("n-1")).contains(new Note("n-1", "hello"));
    }

    @Test
    void theSliceLoadsNoneOfTheApplicationsComponents() {
        assertThat(context.getBeanNamesForType(NoteMailer.class)).isEmpty();
    }
}
