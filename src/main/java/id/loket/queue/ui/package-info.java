/** The queue on screen (Swing). Talks to services, never to the database. */
package id.loket.queue.ui;
