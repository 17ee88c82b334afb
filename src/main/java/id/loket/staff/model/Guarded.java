package id.loket.staff.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the permission a public service method checks before anything else. A test enumerates
 * every public method of every service, calls it with each role, a deactivated account and a
 * forged session, and expects exactly the roles of this permission to get past the check.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Guarded {
    Permission value();
}
