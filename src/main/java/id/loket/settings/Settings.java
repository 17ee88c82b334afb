package id.loket.settings;

import id.loket.settings.repo.SettingsRepository;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The office's settings as other features read and write them, inside the caller's transaction
 * (a change of an office setting is audited there, see {@link SettingsRepository#put}). In the
 * feature's root package, not in {@code service}: the sign-in ({@code staff}) reads the training
 * flag through it, so it must not depend on the session check, which lives in {@code staff}.
 */
public final class Settings {

    private final SettingsRepository repo;

    /** The settings inside the caller's transaction (or connection) {@code tx}. */
    public Settings(DSLContext tx) {
        this.repo = new SettingsRepository(tx);
    }

    public Optional<String> get(String key) {
        return repo.get(key);
    }

    public void put(String key, String value) {
        repo.put(key, value);
    }
}
