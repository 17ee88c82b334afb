/** Holidays and receipts in the local store. */
package id.loket.receipt.repo;
