package dev.dynamorm.spring.boot.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice test finds. */
@SpringBootApplication
public class NoteApplication {

    /** Spring creates it. */
    public NoteApplication() {}
}
