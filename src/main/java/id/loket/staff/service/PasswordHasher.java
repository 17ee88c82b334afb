package id.loket.staff.service;

import id.loket.staff.model.Unguarded;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id (m=19 MiB, t=2, p=1, the OWASP baseline) with a random salt per password. The
 * stored text is the standard encoded hash, which carries its own parameters.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);

    @Unguarded("hashing a password; reads and writes no data")
    public String hash(char[] password) {
        return Password.hash(new String(password)).addRandomSalt(16).with(ARGON2).getResult();
    }

    @Unguarded("checking a password against a hash; reads and writes no data")
    public boolean matches(char[] password, String storedHash) {
        return Password.check(new String(password), storedHash).with(ARGON2);
    }
}
