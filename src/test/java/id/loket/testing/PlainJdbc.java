package id.loket.testing;

import id.loket.db.Database;
import id.loket.db.KeyFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A connection to a data folder's H2 file that goes around Loket, as someone holding the folder
 * and its key would open it with H2's own tools: for tests that tamper with what Loket wrote.
 */
public final class PlainJdbc {

    private PlainJdbc() {
    }

    public static Connection open(Path dataDir) throws SQLException {
        return DriverManager.getConnection(Database.jdbcUrl(dataDir), "loket", KeyFile.read(KeyFile.defaultFor(dataDir)).h2Password());
    }
}
