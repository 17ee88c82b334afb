/** Staff accounts in the local database (jOOQ). */
package id.loket.staff.repo;
