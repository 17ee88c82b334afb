/** What the waiting-room display shows: calls, the numbers served now, the waiting counts. No personal data. */
package id.loket.display.model;
