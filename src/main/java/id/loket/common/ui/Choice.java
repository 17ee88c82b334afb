package id.loket.common.ui;

/**
 * An item of a combo box: the value and its words on screen. The combo's type-ahead uses
 * the words, so typing "P" finds "Perempuan".
 */
public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
