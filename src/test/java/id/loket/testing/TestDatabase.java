package id.loket.testing;

import id.loket.db.Database;
import java.nio.file.Path;

/** The databases Loket runs on, for tests that must hold on each of them. */
public final class TestDatabase {

    /** Which database a test runs against. */
    public enum Backend {
        /** An H2 file in the test's temporary folder, as on a desk. */
        H2
    }

    private TestDatabase() {
    }

    /** A new, empty, migrated database of {@code backend}; {@code dir} is the test's temporary folder. */
    public static Database open(Backend backend, Path dir) {
        return switch (backend) {
            case H2 -> Database.openFolder(dir.resolve("h2"));
        };
    }
}
