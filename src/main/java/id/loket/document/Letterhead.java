package id.loket.document;

import java.util.Objects;

/** The office printed at the top of every document. */
public record Letterhead(String officeName, String address) {
    public Letterhead {
        Objects.requireNonNull(officeName, "officeName");
        address = address == null ? "" : address;
    }
}
