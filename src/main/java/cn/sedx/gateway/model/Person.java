package cn.sedx.gateway.model;

import cn.sedx.gateway.shared.PersonalDataMask;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * 人员: one person in one role. {@link #toString()} masks the ID and mobile numbers.
 *
 * @param role                   岗位
 * @param name                   姓名
 * @param idNumber               证件号码 (the number of the document {@code idType} names)
 * @param mobile                 手机号码
 * @param appointedOn            任命日期
 * @param certificateNumber      证书编号; null when absent
 * @param equipmentCategories    负责的设备类别 (scope); null when absent
 * @param responsibleDeviceCodes 负责的设备代码; null when absent
 * @param idType                 证件类型; null when absent, which means {@link IdType#RESIDENT_ID}
 * @param nationality            国籍 (ISO 3166-1 alpha-3); null when absent (required with a passport)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(
        Role role,
        String name,
        String idNumber,
        String mobile,
        LocalDate appointedOn,
        String certificateNumber,
        List<String> equipmentCategories,
        List<String> responsibleDeviceCodes,
        IdType idType,
        String nationality) {

    /** A person with a resident ID (the form before {@code idType} and {@code nationality} existed). */
    public Person(Role role, String name, String idNumber, String mobile, LocalDate appointedOn,
            String certificateNumber, List<String> equipmentCategories, List<String> responsibleDeviceCodes) {
        this(role, name, idNumber, mobile, appointedOn, certificateNumber, equipmentCategories,
                responsibleDeviceCodes, null, null);
    }

    /** The document type meant: {@code idType}, or {@link IdType#RESIDENT_ID} when absent. */
    public IdType documentType() {
        return IdType.orDefault(idType);
    }

    @Override
    public String toString() {
        return "Person[role=" + role + ", name=" + name + ", idType=" + documentType() + ", idNumber="
                + documentType().mask(idNumber) + ", nationality=" + nationality + ", mobile="
                + PersonalDataMask.mobile(mobile) + ", appointedOn=" + appointedOn
                + ", certificateNumber=" + certificateNumber + ", equipmentCategories=" + equipmentCategories
                + ", responsibleDeviceCodes=" + responsibleDeviceCodes + "]";
    }
}
