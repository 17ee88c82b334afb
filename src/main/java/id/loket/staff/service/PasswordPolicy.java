package id.loket.staff.service;

import id.loket.staff.model.Unguarded;
import id.loket.common.model.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, not the username, and
 * not one of the passwords people choose most often (a list shipped in the jar), nor one of
 * them followed by digits or "!".
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = load();

    /** Refuses a weak password in words; the password itself is never part of the message. */
    @Unguarded("a rule over a new password; reads and writes no data")
    public void check(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new UserFacingException("staff.shortPassword", MIN_LENGTH);
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty() && (lower.equals(username) || username.length() >= 4 && lower.contains(username))) {
            throw new UserFacingException("staff.passwordIsName");
        }
        String stem = lower.replaceAll("[0-9!]+$", "");
        if (COMMON.contains(lower) || COMMON.contains(stem) || lower.chars().distinct().count() <= 2) {
            throw new UserFacingException("staff.commonPassword");
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
