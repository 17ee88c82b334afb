package id.loket.settings.repo;

import java.util.Optional;

/** Settings read and written by key: the office's (in the database) or this PC's (a file beside the data). */
public interface KeyValues {

    Optional<String> get(String key);

    void put(String key, String value);
}
