package cn.sedx.gateway.intake.xlsx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The bad cells of a batch's error report ({@code <name>.errors.json}: record = row, field = the column's Chinese
 * header), read by streaming: every cell as 8 bytes (row and column packed, sorted) up to {@code maxMarked}, and
 * the comment text (code, Chinese, English) of the first {@code maxCommented} cells. That is all an error workbook
 * holds in memory besides POI's streaming window.
 */
final class CellMarks {

    private static final int MAX_FIELDS = 4_096;
    private static final int FIELD_BITS = 12;

    private final Map<String, Integer> fields = new HashMap<>();
    private final java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(""));
    private final Map<Long, StringBuilder> comments = new HashMap<>();
    private long[] marks = new long[1024];
    private int size;
    private long errors;

    private CellMarks() {}

    /** Reads {@code errorsJson}; {@code maxMarked} and {@code maxCommented} bound the memory used. */
    static CellMarks read(Path errorsJson, int maxMarked, int maxCommented) throws IOException {
        CellMarks marks = new CellMarks();
        forEach(errorsJson, error -> marks.add(error, maxMarked, maxCommented));
        marks.marks = Arrays.copyOf(marks.marks, marks.size);
        Arrays.sort(marks.marks);
        return marks;
    }

    /** One entry of an error report. */
    record Error(long row, String field, String code, String zh, String en) {}

    /** Streams the entries of an error report to {@code each}, in order. */
    static void forEach(Path errorsJson, java.util.function.Consumer<Error> each) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(errorsJson.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long row = 0;
                String field = "";
                String code = "";
                String zh = "";
                String en = "";
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    switch (name) {
                        case "record" -> row = parser.getLongValue();
                        case "field" -> field = parser.getValueAsString("");
                        case "code" -> code = parser.getValueAsString("");
                        case "messageZh" -> zh = parser.getValueAsString("");
                        case "messageEn" -> en = parser.getValueAsString("");
                        default -> parser.skipChildren();
                    }
                }
                each.accept(new Error(row, field, code, zh, en));
            }
        }
    }

    private void add(Error error, int maxMarked, int maxCommented) {
        errors++;
        long key = key(error.row(), fieldId(error.field()));
        StringBuilder comment = comments.get(key);
        if (comment == null && comments.size() < maxCommented) {
            comments.put(key, comment = new StringBuilder());
        }
        if (comment != null) {
            comment.append(comment.isEmpty() ? "" : "\n\n").append(error.code()).append('\n').append(error.zh())
                    .append('\n').append(error.en());
        }
        if (size < maxMarked) {
            if (size == marks.length) {
                marks = Arrays.copyOf(marks, marks.length * 2);
            }
            marks[size++] = key;
        }
    }

    private int fieldId(String field) {
        Integer id = fields.get(field);
        if (id == null) {
            id = names.size() < MAX_FIELDS ? names.size() : 0;
            if (id > 0) {
                names.add(field);
                fields.put(field, id);
            }
        }
        return id;
    }

    private static long key(long row, int field) {
        return (row << FIELD_BITS) | field;
    }

    /** The fields (Chinese headers) marked in {@code row}, each once; field "" for an unknown one. */
    java.util.List<String> fieldsIn(long row) {
        int from = Arrays.binarySearch(marks, key(row, 0));
        from = from < 0 ? -from - 1 : from;
        java.util.List<String> found = new java.util.ArrayList<>();
        for (int i = from; i < marks.length && (marks[i] >>> FIELD_BITS) == row; i++) {
            String name = fieldName((int) (marks[i] & ((1 << FIELD_BITS) - 1)));
            if (!found.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    /** The comment of a marked cell, or null past the comment limit. */
    String comment(long row, String field) {
        Integer id = fields.get(field);
        StringBuilder comment = comments.get(key(row, id == null ? 0 : id));
        return comment == null ? null : comment.toString();
    }

    /** How many errors the report lists. */
    long errors() {
        return errors;
    }

    private String fieldName(int id) {
        return names.get(id);
    }
}
