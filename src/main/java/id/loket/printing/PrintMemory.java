package id.loket.printing;

/**
 * Where the desk remembers its printer and paper between prints (the settings table in the
 * app; a field in tests). Called off the event-dispatch thread.
 */
public interface PrintMemory {

    PrintChoice load();

    void save(PrintChoice choice);

    /** Remembers nothing: the system's default printer and A5 every time. */
    static PrintMemory none() {
        return new PrintMemory() {
            @Override
            public PrintChoice load() {
                return new PrintChoice(java.util.Optional.empty(), id.loket.document.PaperSize.DEFAULT);
            }

            @Override
            public void save(PrintChoice choice) {
                // forgets
            }
        };
    }
}
