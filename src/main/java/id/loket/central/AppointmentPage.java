package id.loket.central;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of appointments as it arrived. Items stay raw JSON until each is read on its own,
 * so one broken item cannot spoil the page.
 */
public record AppointmentPage(String office, LocalDate date, List<JsonNode> items, String cursor, boolean more) {

    public AppointmentPage {
        items = List.copyOf(items);
    }
}
