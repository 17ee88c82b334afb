/**
 * The chain in the database (jOOQ): appending an entry while holding the head row's lock,
 * chaining rows written before the chain existed, reading the chain in order, and keeping the
 * signed head file next to the database after every commit that appended.
 */
package id.loket.audit.repo;
