/** The queue_call table and the display's few cheap reads of the day. jOOQ only. */
package id.loket.display.repo;
