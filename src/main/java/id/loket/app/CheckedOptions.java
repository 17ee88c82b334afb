package id.loket.app;

/**
 * A command (or mixin) whose option values are checked after the command line is read and
 * before the command runs. A {@link id.loket.common.model.UserFacingException} thrown here is
 * wrong usage: one line on standard error, exit code 2, and nothing opened or created yet (no
 * data folder, no log, no port). Values the command needs from the database are checked later,
 * by the command itself.
 */
interface CheckedOptions {

    void checkOptions();
}
