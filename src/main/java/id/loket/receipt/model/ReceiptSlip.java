package id.loket.receipt.model;

/** What a printed receipt needs: the receipt and the pickup hours. The case comes beside it. */
public record ReceiptSlip(Receipt receipt, PickupHours firstDayHours, PickupHours laterDayHours) {
}
