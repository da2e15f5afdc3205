package cn.sedx.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 责任人 of a safety record. {@link #toString()} masks the ID number.
 *
 * @param name        姓名
 * @param idNumber    证件号码 (the number of the document {@code idType} names)
 * @param role        岗位
 * @param idType      证件类型; null when absent, which means {@link IdType#RESIDENT_ID}
 * @param nationality 国籍 (ISO 3166-1 alpha-3); null when absent (required with a passport)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsiblePerson(String name, String idNumber, Role role, IdType idType, String nationality) {

    /** A responsible person with a resident ID (the form before {@code idType} existed). */
    public ResponsiblePerson(String name, String idNumber, Role role) {
        this(name, idNumber, role, null, null);
    }

    /** The document type meant: {@code idType}, or {@link IdType#RESIDENT_ID} when absent. */
    public IdType documentType() {
        return IdType.orDefault(idType);
    }

    @Override
    public String toString() {
        return "ResponsiblePerson[name=" + name + ", idType=" + documentType() + ", idNumber="
                + documentType().mask(idNumber) + ", nationality=" + nationality + ", role=" + role + "]";
    }
}
