/** The pickup counter: passports ready, and handed over to the applicant or a representative. */
package id.loket.pickup.service;
