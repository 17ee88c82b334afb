package id.loket.backup.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A backup written: the file, its size, how long it took, and the older automatic backups removed to keep the last N. */
public record BackupResult(Path file, long bytes, Duration took, List<Path> removed) {

    public BackupResult {
        removed = List.copyOf(removed);
    }
}
