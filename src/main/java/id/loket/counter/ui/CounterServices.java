package id.loket.counter.ui;

import id.loket.casefile.service.CaseQueries;
import id.loket.checkin.service.CheckInService;
import id.loket.queue.service.QueueService;
import id.loket.verification.service.VerificationService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the counter screen works with, handed down from the composition root: the services,
 * the office and its clock, and this desk's counter number (a setting of the data folder,
 * read and saved through {@code counter} and {@code saveCounter}; saving touches the database,
 * so it is called off the event-dispatch thread), and the services of the paper it hands out.
 */
public record CounterServices(
        CheckInService checkIn,
        VerificationService verification,
        CaseQueries cases,
        QueueService queue,
        String office,
        ZoneId zone,
        Clock clock,
        Supplier<LocalDate> today,
        Supplier<Optional<String>> counter,
        Consumer<String> saveCounter,
        PaperServices paper) {
}
