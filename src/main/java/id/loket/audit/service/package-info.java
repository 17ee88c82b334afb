/** Checking the audit chain and its signed head, for a signed-in supervisor or administrator. Plain Java only. */
package id.loket.audit.service;
