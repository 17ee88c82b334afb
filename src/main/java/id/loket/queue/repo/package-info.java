/** The day's figures as the database view {@code day_line} (migration V15) defines them: the one definition. */
package id.loket.queue.repo;
