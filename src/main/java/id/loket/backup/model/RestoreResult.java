package id.loket.backup.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A restore done: the backup it came from, where the database it replaced was kept (none when
 * the folder had no database), and what the check after it found.
 */
public record RestoreResult(Path from, Optional<Path> keptAs, RestoreCheck check) {
}
