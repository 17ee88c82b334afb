/** Cases, their audit trail, the outbox and the day's sequences in the local database (jOOQ). */
package id.loket.casefile.repo;
