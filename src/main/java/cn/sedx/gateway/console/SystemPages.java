package cn.sedx.gateway.console;

import cn.sedx.gateway.security.SecuritySettings;
import cn.sedx.gateway.security.SecuritySettings.SystemSettings;
import cn.sedx.gateway.shared.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The registered systems and console accounts: jurisdiction, types, kind of credential; never a secret or a hash. */
@Controller
@ConsoleEnabled
class SystemPages {

    private final SecuritySettings security;

    SystemPages(SecuritySettings security) {
        this.security = security;
    }

    /** A system as shown: what it may do and how it proves itself. */
    record SystemView(String id, String displayName, String jurisdiction, TreeSet<MessageType> messageTypes,
            boolean token, boolean certificate) {}

    @GetMapping("/console/systems")
    String systems(Model model) {
        List<SystemView> systems = new ArrayList<>();
        new TreeMap<>(security.systems()).forEach((id, system) -> systems.add(view(id, system)));
        Map<String, SecuritySettings.Role> accounts = new TreeMap<>();
        security.operators().forEach((name, account) -> accounts.put(name, account.role()));
        model.addAttribute("systems", systems);
        model.addAttribute("accounts", accounts);
        return "console/systems/systems";
    }

    private static SystemView view(String id, SystemSettings system) {
        return new SystemView(id, system.displayName(), system.jurisdiction(), new TreeSet<>(system.messageTypes()),
                system.tokenSha256() != null, system.certificateSha256() != null);
    }
}
