/**
 * The audit trail as a hash chain nobody can rewrite unseen: the canonical form of an entry and
 * its SHA-256 ({@code model}), appending under the chain head's lock and the signed head file
 * ({@code repo}), and the check that names the first entry changed, removed, inserted or cut
 * off ({@code service}). See docs/security.md.
 */
package id.loket.audit;
