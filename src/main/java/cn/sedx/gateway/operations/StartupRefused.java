package cn.sedx.gateway.operations;

import java.util.List;

/** The gateway will not start: every problem found, each a line in Chinese and English naming its setting. */
class StartupRefused extends RuntimeException {

    private final List<String> problems;

    public StartupRefused(List<String> problems) {
        super(text(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String text(List<String> problems) {
        StringBuilder text = new StringBuilder("网关拒绝启动，共 " + problems.size() + " 个问题 / The gateway refuses to start, "
                + problems.size() + " problem(s):");
        for (int i = 0; i < problems.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return text.toString();
    }
}
