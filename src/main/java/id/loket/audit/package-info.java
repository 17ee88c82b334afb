/**
 * The audit trail as a hash chain nobody can rewrite unseen: the canonical form of an entry and
 * its SHA-256 ({@code model}); here, the trail every feature writes through ({@link
 * id.loket.audit.AuditTrail}), appending under the chain head's lock ({@link
 * id.loket.audit.AuditChainRepository}) and the signed head file ({@link
 * id.loket.audit.AuditHeadKeeper}). See docs/security.md.
 *
 * <p>This feature sits below the sign-in: {@code staff} writes login rows through it, so nothing
 * here may depend on {@code staff} (ArchitectureTest: features free of cycles). That is why
 * there is no {@code service} package: the check of the chain, a guarded service, is
 * {@code id.loket.backup.service.AuditVerifier}, beside the backups (both the supervisor's and
 * the administrator's safeguards), and it uses the chain through this package.
 */
package id.loket.audit;
