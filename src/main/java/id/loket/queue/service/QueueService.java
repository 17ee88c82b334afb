package id.loket.queue.service;

import id.loket.appointment.repo.AppointmentRepository;
import id.loket.db.Database;
import id.loket.queue.model.QueueEntry;
import java.time.LocalDate;
import java.util.List;

/** Reads the day's queue from the local store: it works the same whether central is up or not. */
public final class QueueService {

    private final Database db;

    public QueueService(Database db) {
        this.db = db;
    }

    public List<QueueEntry> day(String office, LocalDate date) {
        return new AppointmentRepository(db.dsl()).findByDate(office, date).stream().map(QueueEntry::new).toList();
    }
}
