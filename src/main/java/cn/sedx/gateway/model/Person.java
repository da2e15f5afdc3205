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
 * @param idNumber               公民身份号码
 * @param mobile                 手机号码
 * @param appointedOn            任命日期
 * @param certificateNumber      证书编号; null when absent
 * @param equipmentCategories    负责的设备类别 (scope); null when absent
 * @param responsibleDeviceCodes 负责的设备代码; null when absent
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
        List<String> responsibleDeviceCodes) {

    @Override
    public String toString() {
        return "Person[role=" + role + ", name=" + name + ", idNumber=" + PersonalDataMask.idNumber(idNumber)
                + ", mobile=" + PersonalDataMask.mobile(mobile) + ", appointedOn=" + appointedOn
                + ", certificateNumber=" + certificateNumber + ", equipmentCategories=" + equipmentCategories
                + ", responsibleDeviceCodes=" + responsibleDeviceCodes + "]";
    }
}
