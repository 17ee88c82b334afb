/** Use cases on appointments (export). Plain Java only. */
package id.loket.appointment.service;
