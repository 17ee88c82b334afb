/** Values shared by every feature (NIK, user-facing refusals). Plain Java only. */
package id.loket.common.model;
