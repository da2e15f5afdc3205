package cn.sedx.gateway.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The one mapping of a personnel filing's unit and persons to national XML elements, in the order of the XSDs'
 * sequences: the national filing ({@code schemas/national-filing.xsd}, written by {@link NationalXml}) and the national
 * personnel batch ({@code schemas/national-personnel-batch.xsd}, written by the upload). The two schemas differ only in
 * how they repeat a list: the filing wraps it ({@code <LicenceNumbers><Number/>…}), the batch repeats a flat element
 * ({@code <LicenceNumber/>…}).
 */
public final class PersonnelElements {

    /** A text element and the JSON field it holds. */
    public record Text(String element, String field) {}

    /**
     * A JSON array: in the filing a {@code wrapper} element with one {@code item} per value, in the batch one
     * {@code flatItem} element per value.
     */
    public record Repeated(String field, String wrapper, String item, String flatItem) {}

    /** The unit's text elements. */
    public static final List<Text> UNIT = List.of(new Text("Name", "name"), new Text("Uscc", "uscc"),
            new Text("UnitKind", "unitKind"), new Text("RegionCode", "regionCode"));

    /** The unit's lists, after its text elements. */
    public static final List<Repeated> UNIT_LISTS = List.of(
            new Repeated("equipmentCategories", "EquipmentCategories", "Category", "Category"),
            new Repeated("licenceNumbers", "LicenceNumbers", "Number", "LicenceNumber"),
            new Repeated("useRegistrationNumbers", "UseRegistrationNumbers", "Number", "UseRegistrationNumber"));

    /** A person's text elements, after the {@code role} and {@code idType} attributes. */
    public static final List<Text> PERSON = List.of(new Text("Name", "name"), new Text("IdNumber", "idNumber"),
            new Text("Nationality", "nationality"), new Text("Mobile", "mobile"),
            new Text("AppointedOn", "appointedOn"), new Text("CertificateNumber", "certificateNumber"));

    /** A person's lists, after its text elements. */
    public static final List<Repeated> PERSON_LISTS = List.of(
            new Repeated("equipmentCategories", "EquipmentCategories", "Category", "Category"),
            new Repeated("responsibleDeviceCodes", "ResponsibleDevices", "DeviceCode", "DeviceCode"));

    private PersonnelElements() {}

    /** A person's document type, written always: RESIDENT_ID when the filing names none. */
    public static String idType(JsonNode person) {
        JsonNode type = person.get("idType");
        return type == null || type.isNull() ? "RESIDENT_ID" : type.asText();
    }
}
