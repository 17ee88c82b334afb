package id.loket.app;

import id.loket.common.model.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The checks option values share; each refuses in words (message key and the value given). */
final class Check {

    /** Dates Loket works with: an office day in this century. Anything else is a typing mistake. */
    static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);

    private Check() {
    }

    /** {@code value} within {@code min..max}, else "OPTION must be MIN to MAX (given VALUE)". */
    static void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UserFacingException("cli.outOfRange", option, Long.toString(min), Long.toString(max), Long.toString(value));
        }
    }

    /** A date of this century (null = not given). */
    static void date(String option, LocalDate date) {
        if (date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            throw new UserFacingException("cli.outOfRange", option, FIRST_DATE.toString(), LAST_DATE.toString(), date.toString());
        }
    }

    /** A file to be written: its folder exists and it is not itself a folder (null = not given). */
    static void fileToWrite(String option, Path file) {
        if (file == null) {
            return;
        }
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("cli.noFolder", option, String.valueOf(folder));
        }
        if (Files.isDirectory(target)) {
            throw new UserFacingException("cli.isFolder", option, target.toString());
        }
    }
}
