package cn.sedx.gateway.intake.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented header row of CSV personnel filings and how a row maps to the canonical JSON. Column order
 * is free; every column must be present except the optional 证件类型 and 国籍 (files written before they existed
 * keep working); a cell with several values separates them with ";" (or "；"). Enumerations may be written as the
 * code (USE) or in Chinese (使用).
 */
final class CsvColumns {

    static final String FILING_NUMBER = "填报编号";
    static final String FIRST_COLUMN = FILING_NUMBER;
    private static final String USCC = "统一社会信用代码";

    /** Header name → canonical field, in the documented order (docs/batch.md). */
    private static final String[][] COLUMNS = {
        {FILING_NUMBER, null}, {"填报类型", "filingKind"}, {"生效日期", "effectiveDate"},
        {"单位名称", "unit/name"}, {USCC, "unit/uscc"}, {"单位类型", "unit/unitKind"},
        {"行政区划代码", "unit/regionCode"}, {"单位设备类别", "unit/equipmentCategories"},
        {"许可证编号", "unit/licenceNumbers"}, {"使用登记证编号", "unit/useRegistrationNumbers"},
        {"岗位", "role"}, {"姓名", "name"}, {"身份证号", "idNumber"}, {"手机号码", "mobile"},
        {"任命日期", "appointedOn"}, {"证书编号", "certificateNumber"}, {"负责设备类别", "equipmentCategories"},
        {"负责设备代码", "responsibleDeviceCodes"}, {"证件类型", "idType"}, {"国籍", "nationality"}};

    /** Columns a file may leave out (an absent column is an empty cell in every row). */
    private static final Set<String> OPTIONAL = Set.of("证件类型", "国籍");

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("首次", "INITIAL"), Map.entry("变更", "CHANGE"), Map.entry("补充", "SUPPLEMENT"),
            Map.entry("生产", "PRODUCTION"), Map.entry("使用", "USE"), Map.entry("充装", "FILLING"),
            Map.entry("主要负责人", "PRINCIPAL"), Map.entry("安全总监", "SAFETY_DIRECTOR"),
            Map.entry("安全员", "SAFETY_OFFICER"), Map.entry("质量安全总监", "QUALITY_SAFETY_DIRECTOR"),
            Map.entry("质量安全员", "QUALITY_SAFETY_OFFICER"),
            Map.entry("居民身份证", "RESIDENT_ID"), Map.entry("外国人永久居留身份证", "FOREIGNER_PERMANENT_RESIDENT"),
            Map.entry("港澳台居民居住证", "HMT_RESIDENCE_PERMIT"), Map.entry("港澳居民来往内地通行证", "HK_MACAO_PERMIT"),
            Map.entry("台湾居民来往大陆通行证", "TAIWAN_PERMIT"), Map.entry("护照", "PASSPORT"));

    private final Map<String, Integer> index;
    private final Map<String, String> columnOfField = new HashMap<>();

    private CsvColumns(Map<String, Integer> index) {
        this.index = index;
        for (String[] column : COLUMNS) {
            if (column[1] != null) {
                columnOfField.put(column[1].contains("/") ? column[1] : "persons/" + column[1], column[0]);
            }
        }
    }

    /** @throws IllegalArgumentException naming the missing columns */
    static CsvColumns of(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        List<String> missing = new ArrayList<>();
        for (String[] column : COLUMNS) {
            if (!index.containsKey(column[0]) && !OPTIONAL.contains(column[0])) {
                missing.add(column[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("缺少 missing " + String.join(", ", missing));
        }
        return new CsvColumns(index);
    }

    /** Rows shorter than the header get empty cells. */
    List<String> pad(List<String> row) {
        List<String> padded = new ArrayList<>(row);
        while (padded.size() < index.size()) {
            padded.add("");
        }
        return padded;
    }

    String groupKey(List<String> row) {
        return cell(row, USCC) + "\u0000" + cell(row, FILING_NUMBER);
    }

    ObjectNode filing(List<String> row, ObjectMapper mapper) {
        ObjectNode filing = mapper.createObjectNode();
        ObjectNode unit = mapper.createObjectNode();
        for (String[] column : COLUMNS) {
            if (column[1] != null && !isPersonField(column[1])) {
                String field = column[1];
                put(field.startsWith("unit/") ? unit : filing, field.substring(field.indexOf('/') + 1), column[0],
                        row);
            }
        }
        filing.set("unit", unit);
        return filing;
    }

    ObjectNode person(List<String> row, ObjectMapper mapper) {
        ObjectNode person = mapper.createObjectNode();
        for (String[] column : COLUMNS) {
            if (column[1] != null && isPersonField(column[1])) {
                put(person, column[1], column[0], row);
            }
        }
        return person;
    }

    /** Where a pointer of the filing is: the row of the person it concerns (else the first row) and the column. */
    BatchRecord.Location locate(String pointer, List<Long> lines) {
        String[] parts = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/");
        long line = lines.get(0);
        String field = parts.length == 0 ? "" : parts[0];
        if (parts.length >= 2 && parts[0].equals("persons") && parts[1].chars().allMatch(Character::isDigit)) {
            int person = Integer.parseInt(parts[1]);
            line = person < lines.size() ? lines.get(person) : line;
            field = parts.length > 2 ? "persons/" + parts[2] : "persons";
        } else if (parts.length >= 2 && parts[0].equals("unit")) {
            field = "unit/" + parts[1];
        }
        return new BatchRecord.Location(line, columnOfField.getOrDefault(field, pointer));
    }

    private static boolean isPersonField(String field) {
        return !field.contains("/") && !field.equals("filingKind") && !field.equals("effectiveDate");
    }

    private void put(ObjectNode node, String name, String column, List<String> row) {
        String value = cell(row, column);
        if (value.isEmpty()) {
            return;
        }
        if (name.endsWith("Categories") || name.endsWith("Numbers") || name.endsWith("Codes")) {
            ArrayNode values = node.putArray(name);
            for (String part : value.split("[;；]")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        } else {
            node.put(name, CODES.getOrDefault(value, value));
        }
    }

    private String cell(List<String> row, String column) {
        Integer i = index.get(column);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }
}
