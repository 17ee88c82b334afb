/** Taking steps on a case: one transaction for the change, its audit row and its events. Plain Java only. */
package id.loket.casefile.service;
