/** Use cases of the queue. Plain Java only. */
package id.loket.queue.service;
