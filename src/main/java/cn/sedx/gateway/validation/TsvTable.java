package cn.sedx.gateway.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a {@code code<TAB>name} reference table from the classpath ({@code src/main/resources/reference/}). */
final class TsvTable {

    private TsvTable() {}

    /**
     * The rows of a table, in file order; lines starting {@code #} and blank lines are skipped.
     *
     * @param resource the classpath resource, e.g. {@code /reference/gbt2260-regions.tsv}
     * @param code     the shape every code must have
     * @throws IllegalStateException naming the file and line when the table is missing or a line is malformed, so
     *     a broken table fails the start-up rather than a filing
     */
    static Map<String, String> load(String resource, Pattern code) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = TsvTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference table " + resource + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 2 || !code.matcher(cells[0]).matches() || cells[1].isBlank()
                        || rows.putIfAbsent(cells[0], cells[1].strip()) != null) {
                    throw new IllegalStateException(resource + " line " + number + " is not a new code<TAB>name");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
