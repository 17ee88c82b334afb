package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.receipt.model.Holiday;
import id.loket.receipt.model.HolidayKind;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** The longest holiday name the calendar keeps (as HolidayService). */
    static final int NAME_MAX = 200;

    @ParentCommand
    LoketCommand root;

    /** {@code loket holidays list --year Y}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The holidays and collective leave days of a year.")
    static final class ListDays implements Callable<Integer>, CheckedOptions {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--year", required = true, paramLabel = "YYYY")
        int year;

        @Override
        public void checkOptions() {
            Check.range("--year", year, Check.FIRST_DATE.getYear(), Check.LAST_DATE.getYear());
        }

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

    /** {@code loket holidays add --date D --name N [--kind NATIONAL|COLLECTIVE_LEAVE] --user ADMIN}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a holiday (admins only).")
    static final class Add implements Callable<Integer>, CheckedOptions {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--kind", defaultValue = "NATIONAL", description = "NATIONAL (default) or COLLECTIVE_LEAVE.")
        HolidayKind kind;

        @Mixin
        SignIn signIn;

        @Override
        public void checkOptions() {
            Check.date("--date", date);
            if (name.isBlank() || name.strip().length() > NAME_MAX) {
                throw new UserFacingException("holiday.badName", NAME_MAX);
            }
        }

        @Override
        public Integer call() {
            return holidays.asAdmin(signIn, (app, session) -> app.holidays().add(session, date, name, kind), "holidays.added", date);
        }
    }

    /** {@code loket holidays remove --date D --user ADMIN}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a holiday (admins only).")
    static final class Remove implements Callable<Integer>, CheckedOptions {
        @ParentCommand
        HolidaysCommand holidays;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;

        @Mixin
        SignIn signIn;

        @Override
        public void checkOptions() {
            Check.date("--date", date);
        }

        @Override
        public Integer call() {
            return holidays.asAdmin(signIn, (app, session) -> app.holidays().remove(session, date), "holidays.removed", date);
        }
    }

    /** A change made as a logged-in staff member; the service refuses anyone but an admin. */
    @FunctionalInterface
    interface Change {
        void apply(AppContext app, Session session);
    }

    int asAdmin(SignIn signIn, Change change, String doneKey, LocalDate date) {
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            change.apply(app, signIn.session(app, Permission.MANAGE_HOLIDAYS));
            root.out().println(root.messages().get(doneKey, date.toString()));
            return 0;
        }
    }
}
