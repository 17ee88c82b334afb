/**
 * Central's contract as Loket speaks it: the JSON shape of appointments and events
 * ({@link id.loket.central.ContractJson}), the HTTP client, and the errors central can answer.
 * Plain Java, no Swing, no SQL.
 */
package id.loket.central;
