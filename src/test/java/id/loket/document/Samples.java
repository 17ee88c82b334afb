package id.loket.document;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.RejectionReason;
import id.loket.common.i18n.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Sample documents for the tests. */
final class Samples {

    static final String NIK = "5171014507900003";
    static final String REP_NIK = "5171021203850007";
    static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    static final Instant AT = Instant.parse("2026-11-27T01:15:30Z"); // 09.15 WITA
    static final Letterhead OFFICE = new Letterhead("Kantor Imigrasi Kelas I Khusus TPI Denpasar",
            "Jl. Panjaitan No. 3, Renon, Denpasar, Bali 80235");
    static final String LONG_NAME = longName();

    private Samples() {
    }

    /** A 200-character name of real-looking words. */
    private static String longName() {
        String[] words = {"Anak", "Agung", "Ngurah", "Gede", "Putra", "Wijaya", "Kusuma", "Ma'rifah", "Désirée", "Pangestu",
            "Sastrowardoyo", "Hadiningrat"};
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (b.length() < 200) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(words[i++ % words.length]);
        }
        String name = b.substring(0, 200).strip();
        while (name.length() < 200) {
            name = name + "a";
        }
        return name;
    }

    static ReceiptData receipt(String name) {
        return new ReceiptData("DPS-20261127-0042", "B-017", name, NIK, ServiceType.RENEWAL, PassportType.ELECTRONIC, 10,
                650_000, "820261127004217", "A1B2C3D4E5F6G7H8", LocalDate.of(2026, 12, 4),
                LocalTime.of(13, 0), LocalTime.of(15, 0), "Made Sudiarta");
    }

    static RejectionSlipData rejection(String name) {
        return new RejectionSlipData("DPS-20261127-0042", name, NIK, ServiceType.NEW, LocalDate.of(2026, 11, 27),
                List.of(RejectionReason.DATA_MISMATCH, RejectionReason.FALSE_STATEMENT),
                "Tanggal lahir pada akta berbeda dengan e-KTP.", "Made Sudiarta");
    }

    static HoldSlipData hold(String name) {
        return new HoldSlipData("DPS-20261127-0042", name, NIK, ServiceType.NEW,
                List.of(DocumentType.BIRTH_CERT, DocumentType.KK, DocumentType.PARENTS_STATEMENT),
                LocalDate.of(2026, 12, 11), "", "Made Sudiarta");
    }

    static PickupSlipData pickup(String name, boolean representative) {
        return new PickupSlipData("DPS-20261127-0042", name, NIK, "E1234567",
                representative ? PickupSlipData.Collector.REPRESENTATIVE : PickupSlipData.Collector.SELF,
                representative ? "I Wayan O'Brien Sutedja" : null, representative ? REP_NIK : null,
                Instant.parse("2026-12-04T06:05:00Z"), "Ni Kadek Ayu");
    }

    enum Kind { RECEIPT, REJECTION, HOLD, PICKUP }

    static byte[] render(Kind kind, String name, PaperSize paper, Messages m) {
        return switch (kind) {
            case RECEIPT -> DocumentRenderer.receipt(receipt(name), OFFICE, paper, m, ZONE, AT);
            case REJECTION -> DocumentRenderer.rejectionSlip(rejection(name), OFFICE, paper, m, ZONE, AT);
            case HOLD -> DocumentRenderer.holdSlip(hold(name), OFFICE, paper, m, ZONE, AT);
            case PICKUP -> DocumentRenderer.pickupSlip(pickup(name, true), OFFICE, paper, m, ZONE, AT);
        };
    }
}
