package cn.sedx.gateway.operations;

import cn.sedx.gateway.shared.Sha256;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code bin/sedx hash-password} and {@code bin/sedx hash-token}: print the stored forms the configuration needs,
 * never the secret itself unless it was generated here. The secret is read from the terminal without echo, or from
 * the first line of standard input; it is never taken from the command line (it would stay in the shell history and
 * in {@code ps}).
 *
 * <ul>
 *   <li>{@code hash-password} prints {@code {bcrypt}$2a$12$…} for {@code sedx.security.operators.<name>.password-hash}
 *   <li>{@code hash-token} prints the hex SHA-256 for {@code sedx.security.systems.<id>.token-sha256}
 *   <li>{@code hash-token --generate} makes a random token, prints it once and its SHA-256
 * </ul>
 */
final class Credentials {

    private static final int BCRYPT_STRENGTH = 12;

    private Credentials() {}

    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = args.length == 0 ? "" : args[0];
        boolean generate = args.length > 1 && args[1].equals("--generate");
        switch (command) {
            case "hash-password" -> {
                String password = secret("密码 / password: ");
                if (password.length() < 12) {
                    err.println("密码至少 12 个字符 / the password needs at least 12 characters");
                    return 2;
                }
                out.println("{bcrypt}" + new BCryptPasswordEncoder(BCRYPT_STRENGTH).encode(password));
            }
            case "hash-token" -> {
                String token = generate ? generated() : secret("令牌 / token: ");
                if (token.length() < 24) {
                    err.println("令牌至少 24 个字符 / the token needs at least 24 characters");
                    return 2;
                }
                if (generate) {
                    out.println("token: " + token);
                }
                out.println("token-sha256: " + Sha256.hex(token));
            }
            default -> {
                err.println("usage: sedx hash-password | sedx hash-token [--generate]   (secret read from the terminal"
                        + " or standard input)");
                return 2;
            }
        }
        return 0;
    }


    private static String generated() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "sedx-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String secret(String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword(prompt);
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }
}
