/**
 * Pulling the office's day from central (and, later, pushing what the office did). Runs off
 * the event-dispatch thread; plain Java only.
 */
package id.loket.sync.service;
