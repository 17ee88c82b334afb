/** Settings in the local database (jOOQ). */
package id.loket.settings.repo;
