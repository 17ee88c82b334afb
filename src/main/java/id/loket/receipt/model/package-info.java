/** Receipts and pickup as plain Java: the working-day calendar, pickup hours, the receipt's data. */
package id.loket.receipt.model;
