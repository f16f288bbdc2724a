package dev.jasyncio.samples.io;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.toThread;

/**
 * Seed 001's parallel database queries ({@code asyncpg.connect}, {@code conn.fetch}, one task per query,
 * {@code gather}) with JDBC: JDBC blocks, so each query runs on {@code toThread} (a virtual thread on JDK 21+) while
 * the loop waits for all of them. By default an embedded in-memory H2 database, filled with two small tables
 * first; {@code -Djdbc.url=jdbc:postgresql://127.0.0.1/test -Djdbc.user=user -Djdbc.password=password} (with the
 * PostgreSQL driver on the classpath) runs the same against PostgreSQL, where {@code table1} and {@code table2}
 * are created and filled if they do not exist.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.ParallelQueries}
 */
public final class ParallelQueries {

    static final String DEFAULT_URL = "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1";

    private ParallelQueries() {
    }

    static String url() {
        return System.getProperty("jdbc.url", DEFAULT_URL);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), System.getProperty("jdbc.user", "user"),
                System.getProperty("jdbc.password", "password"));
    }

    /** {@code fetch_data(query)}: connect, fetch every row, close; on a thread, since JDBC blocks. */
    @Async
    static Coroutine<List<Map<String, Object>>> fetchData(String query) {
        return toThread(() -> {
            try (Connection conn = connect(); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(query)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    /** Two small tables, so the queries have something to return. */
    @Async
    static Coroutine<Void> createTables() {
        return toThread(() -> {
            try (Connection conn = connect(); Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS table1 (id INT PRIMARY KEY, name VARCHAR(20))");
                st.execute("CREATE TABLE IF NOT EXISTS table2 (id INT PRIMARY KEY, city VARCHAR(20))");
                if (!hasRows(st, "table1")) {
                    st.execute("INSERT INTO table1 VALUES (1, 'alpha'), (2, 'beta')");
                }
                if (!hasRows(st, "table2")) {
                    st.execute("INSERT INTO table2 VALUES (1, 'Lisbon'), (2, 'Oslo'), (3, 'Quito')");
                }
            }
            return null;
        });
    }

    private static boolean hasRows(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** The seed's {@code main()}: one task per query, then {@code gather}. */
    @Async
    public static Coroutine<List<List<Map<String, Object>>>> runQueries(List<String> queries) {
        await(createTables());
        List<Task<List<Map<String, Object>>>> tasks = new ArrayList<>();
        for (String query : queries) {
            tasks.add(createTask(fetchData(query)));
        }
        return Coroutine.of(await(gather(tasks)));
    }

    @Async
    static Coroutine<Void> main() {
        List<List<Map<String, Object>>> results = await(runQueries(
                List.of("SELECT * FROM table1", "SELECT * FROM table2")));
        for (List<Map<String, Object>> result : results) {
            System.out.println(result);
        }
        return Coroutine.of(null);
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
