package dev.dynamorm.spring.boot.test.app;

import org.springframework.stereotype.Component;

/** A component of the application that the slice must not load. */
@Component
public class NoteMailer {

    /** Spring creates it. */
    public NoteMailer() {}
}
