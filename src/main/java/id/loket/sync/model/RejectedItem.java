package id.loket.sync.model;

import java.time.LocalDate;

/** An item central sent that broke the contract: which one, and why it was set aside. */
public record RejectedItem(String office, LocalDate date, String itemId, String bookingCode, String reason) {
}
