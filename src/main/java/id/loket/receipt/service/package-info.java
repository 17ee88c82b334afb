/** Issuing and reprinting receipts; the holiday calendar an administrator keeps. */
package id.loket.receipt.service;
