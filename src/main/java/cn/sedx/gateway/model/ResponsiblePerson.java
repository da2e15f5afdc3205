package cn.sedx.gateway.model;

import cn.sedx.gateway.shared.PersonalDataMask;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 责任人 of a safety record. {@link #toString()} masks the ID number.
 *
 * @param name     姓名
 * @param idNumber 公民身份号码
 * @param role     岗位
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsiblePerson(String name, String idNumber, Role role) {

    @Override
    public String toString() {
        return "ResponsiblePerson[name=" + name + ", idNumber=" + PersonalDataMask.idNumber(idNumber)
                + ", role=" + role + "]";
    }
}
