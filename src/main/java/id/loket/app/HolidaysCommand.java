package id.loket.app;

import id.loket.casefile.model.Actor;
import id.loket.receipt.model.Holiday;
import id.loket.receipt.model.HolidayKind;
import id.loket.staff.model.Staff;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket holidays}: the office's holiday calendar, which pickup dates skip. Listing is
 * open; adding and removing days needs an admin, who logs in with a password (asked for, or
 * read from the first line of standard input).
 */
@Command(name = "holidays", mixinStandardHelpOptions = true, description = "List, add or remove the office's holidays.",
        subcommands = {HolidaysCommand.ListDays.class, HolidaysCommand.Add.class, HolidaysCommand.Remove.class})
final class HolidaysCommand {

    @ParentCommand
    LoketCommand root;

    /** {@code loket holidays list --year Y}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The holidays and collective leave days of a year.")
    static final class ListDays implements Callable<Integer> {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--year", required = true)
        int year;

        @Override
        public Integer call() {
            LoketCommand root = holidays.root;
            Logging.toFolder(root.dataDir());
            try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
                for (Holiday h : app.holidays().list(year)) {
                    root.out().println(h.date() + "  " + root.messages().name(h.kind()) + "  " + h.name());
                }
                return 0;
            }
        }
    }

    /** {@code loket holidays add --date D --name N [--kind NATIONAL|COLLECTIVE_LEAVE] --username ADMIN}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a holiday (admins only).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--kind", defaultValue = "NATIONAL", description = "NATIONAL (default) or COLLECTIVE_LEAVE.")
        HolidayKind kind;

        @Option(names = "--username", required = true, description = "An admin's user name; the password is asked for.")
        String username;

        @Override
        public Integer call() throws IOException {
            return holidays.asAdmin(username, (app, actor) -> app.holidays().add(actor, date, name, kind), "holidays.added", date);
        }
    }

    /** {@code loket holidays remove --date D --username ADMIN}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a holiday (admins only).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--username", required = true, description = "An admin's user name; the password is asked for.")
        String username;

        @Override
        public Integer call() throws IOException {
            return holidays.asAdmin(username, (app, actor) -> app.holidays().remove(actor, date), "holidays.removed", date);
        }
    }

    /** A change made as a logged-in staff member; the service refuses anyone but an admin. */
    @FunctionalInterface
    interface Change {
        void apply(AppContext app, Actor actor);
    }

    int asAdmin(String username, Change change, String doneKey, LocalDate date) throws IOException {
        char[] password = StaffCommand.Add.readPassword(root);
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            Staff staff = app.auth().login(username, password);
            change.apply(app, new Actor(staff.username(), staff.role(), null));
            root.out().println(root.messages().get(doneKey, date.toString()));
            return 0;
        }
    }
}
