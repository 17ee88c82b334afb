/**
 * Opening, migrating and closing the local database. The schema lives only in
 * {@code db/migration}; jOOQ's classes in {@code id.loket.db.jooq} are generated from it.
 */
package id.loket.db;
