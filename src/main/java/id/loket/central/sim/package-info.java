/** The built-in simulator of central: generated office days, the contract's HTTP endpoints, injected faults. Used by demo mode and tests. */
package id.loket.central.sim;
