package id.loket.settings.model;

import java.time.ZoneId;

/** The office this desk serves. Every value is a setting; the defaults are Denpasar's. */
public record OfficeSettings(String code, String name, String address, ZoneId zone) {

    public static OfficeSettings denpasar() {
        return new OfficeSettings("DPS", "Kantor Imigrasi Kelas I TPI Denpasar",
                "Jl. D.I. Panjaitan No. 3, Denpasar, Bali", ZoneId.of("Asia/Makassar"));
    }
}
