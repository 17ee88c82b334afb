/**
 * Central's contract as Loket speaks it: the JSON shape of appointments and events
 * ({@link id.loket.central.ContractJson}), the HTTP client, and the errors central can answer;
 * which URLs the token may go to ({@link id.loket.central.CentralUrl}: https, or http only to this
 * computer) and whom to trust on the way ({@link id.loket.central.CentralTrust}: the default CAs
 * plus an office CA). Plain Java, no Swing, no SQL.
 */
package id.loket.central;
