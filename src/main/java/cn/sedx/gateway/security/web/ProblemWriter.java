package cn.sedx.gateway.security.web;

import cn.sedx.gateway.shared.ErrorCode;
import cn.sedx.gateway.shared.Problem;
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
        int status = Problem.statusOf(code);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(),
                Problem.of(code, status, null, List.of(Violation.of(code, "", zh, en))));
    }
}
