/** Staff and roles. Plain Java only. */
package id.loket.staff.model;
