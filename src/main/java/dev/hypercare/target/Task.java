package dev.hypercare.target;

import java.time.Instant;
import java.util.Objects;

/** One to-do item of the demo API, as stored and as sent. */
record Task(long id, String title, String owner, Instant createdAt) {
    Task {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
