import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * The baseline of bench/run's sync figure: ROWS appointment rows inserted by a plain JDBC batch
 * into a new encrypted H2 file, as cheaply as JDBC allows. Run as a single-file source program on
 * Loket's jar (for H2):
 *
 *   java -cp target/loket.jar bench/baseline/JdbcBatch.java DIR [ROWS] [BATCH]
 *
 * DIR must not hold a database yet. The {@code appointment} table is made by Loket's first
 * migration itself (db/migration/V1__foundation.sql, so run from the project's root); the file is opened like Loket's
 * (CIPHER=AES, file password and user password separated by a space; WRITE_DELAY=0, as Loket's,
 * so each commit is written out). Rows are generated with a fixed seed, BATCH rows per
 * executeBatch and one commit per batch.
 */
public class JdbcBatch {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JdbcBatch DIR [ROWS=3000] [BATCH=200]");
            System.exit(2);
        }
        String dir = args[0];
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String url = "jdbc:h2:file:" + dir + "/baseline;CIPHER=AES;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "filepw userpw")) {
            try (Statement s = c.createStatement()) {
                // the table and its indexes exactly as Loket's first migration makes them (run from the project's root)
                s.execute("RUNSCRIPT FROM 'db/migration/V1__foundation.sql'");
            }
            c.setAutoCommit(false);
            Random r = new Random(2026);
            LocalDate day = LocalDate.of(2026, 11, 30);
            OffsetDateTime now = OffsetDateTime.of(2026, 11, 29, 22, 0, 0, 0, ZoneOffset.ofHours(8));
            String[] services = {"NEW", "RENEWAL", "LOST", "DAMAGED"};
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO appointment VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    int minute = 7 * 60 + 30 + (i * 510 / rows);
                    int k = 1;
                    p.setString(k++, new UUID(r.nextLong(), r.nextLong()).toString());
                    p.setLong(k++, 1 + r.nextInt(3));
                    p.setString(k++, String.format("DPS-%08X", r.nextInt() & 0x7fffffff));
                    p.setString(k++, "DPS");
                    p.setObject(k++, day);
                    p.setString(k++, String.format("%02d:%02d", minute / 60, minute % 60));
                    p.setString(k++, String.format("%02d:%02d", (minute + 15) / 60, (minute + 15) % 60));
                    p.setString(k++, "BOOKED");
                    p.setNull(k++, Types.DATE);
                    p.setString(k++, services[r.nextInt(services.length)]);
                    p.setString(k++, "REGULAR");
                    p.setInt(k++, 10);
                    p.setBoolean(k++, false);
                    p.setString(k++, String.format("5171%012d", (long) (r.nextDouble() * 1e12)));
                    p.setString(k++, "Ni Made Applicant " + i);
                    p.setObject(k++, LocalDate.of(1960 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)));
                    p.setString(k++, "Denpasar");
                    p.setString(k++, r.nextBoolean() ? "M" : "F");
                    p.setBoolean(k++, r.nextBoolean());
                    p.setString(k++, "+62812" + (1000000 + r.nextInt(9000000)));
                    p.setString(k++, "applicant" + i + "@example.id");
                    p.setString(k++, r.nextBoolean() ? "B" + (1000000 + r.nextInt(9000000)) : null);
                    p.setString(k++, String.format("8%014d", (long) (r.nextDouble() * 1e14)));
                    p.setLong(k++, 650000);
                    p.setString(k++, "PAID");
                    p.setString(k++, String.format("%016X", r.nextLong()).substring(0, 16));
                    p.setObject(k++, now.minusDays(2));
                    p.setObject(k++, now.minusDays(1));
                    p.setObject(k++, now);
                    p.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        p.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM appointment")) {
                rs.next();
                System.out.println("inserted " + rs.getLong(1) + " rows in batches of " + batch);
            }
        }
    }
}
