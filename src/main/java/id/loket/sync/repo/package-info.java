/** Sync bookkeeping in the local database (jOOQ): cursors, set-aside items, runs. */
package id.loket.sync.repo;
