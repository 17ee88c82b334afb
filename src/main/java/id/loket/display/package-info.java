/**
 * The waiting-room display ({@code loket display}): the numbers called to the counters, in large
 * type on a TV, each call announced by a chime and a spoken sentence. Queue numbers and counters
 * only: no name and no NIK ever reaches this package.
 */
package id.loket.display;
