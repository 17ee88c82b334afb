/** Results and state of synchronisation with central. Plain Java only. */
package id.loket.sync.model;
