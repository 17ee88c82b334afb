/** Verifying documents, holds, rejections, interview, approval and payment proof. Plain Java only. */
package id.loket.verification.service;
