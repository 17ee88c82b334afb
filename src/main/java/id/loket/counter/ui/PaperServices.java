package id.loket.counter.ui;

import id.loket.document.service.DocumentService;
import id.loket.pickup.service.PickupService;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
import id.loket.receipt.service.ReceiptService;

/**
 * What the counter needs for the paper it hands out: issuing receipts, the pickup counter,
 * laying documents out, the printers, and the printer and paper last chosen at this desk.
 */
public record PaperServices(
        ReceiptService receipts,
        PickupService pickup,
        DocumentService documents,
        PrintingService printing,
        PrintMemory printMemory) {
}
