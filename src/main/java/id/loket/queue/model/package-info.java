/** Today's queue as the counter sees it, and its search. Plain Java only. */
package id.loket.queue.model;
