/** Login and staff accounts. Plain Java only. */
package id.loket.staff.service;
