/** The pickup counter's dialogs: passports marked ready as they arrive, and handed over to the applicant or a representative. */
package id.loket.pickup.ui;
