package cn.sedx.gateway.security.web;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Problems;
import cn.sedx.gateway.shared.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Writes a problem body from a servlet filter, where no controller advice runs. */
@Component
class ProblemWriter {

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(HttpServletResponse response, ErrorCode code, String zh, String en) throws IOException {
        response.setStatus(code.status());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(),
                Problems.of(code, null, List.of(Violation.of(code, "", zh, en))));
    }
}
