package id.loket.staff.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public service method that needs no session, and says why (it neither changes data
 * nor returns personal data). The authorization test fails for a public service method with
 * neither this nor {@link Guarded}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unguarded {
    /** Why no session is needed. */
    String value();
}
