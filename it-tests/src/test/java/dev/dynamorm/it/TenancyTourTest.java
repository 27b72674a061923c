package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's plugin-tenancy program (examples' {@code TenancyTour}) as a user would, in a
 * fresh JVM with the plugin jar on the class path and on the module path (the suites' class path
 * has no plugin jars), and checks what it prints: its tenant's invoices, then the refusal of
 * another tenant's key.
 */
final class TenancyTourTest {

    private static final String TOUR = "dev.dynamorm.examples.tenancy.TenancyTour";

    private static final String EXPECTED =
            "[Invoice[tenant=acme, id=i-1, cents=1200]]\n"
                    + "refused: tenant 'acme' may not read an item of another tenant in table"
                    + " 'invoices' (model dev.dynamorm.examples.tenancy.Invoice); nothing was sent";

    /** The examples' run-time path plus the plugin-tenancy jar. */
    private static String pathWithTenancy() throws IOException {
        String base =
                Files.readString(
                                Path.of("target", "quickstart-runtime-path.txt"),
                                StandardCharsets.UTF_8)
                        .trim();
        String jar =
                Arrays.stream(
                                Files.readString(
                                                Path.of("target", "readme-plugins-path.txt"),
                                                StandardCharsets.UTF_8)
                                        .trim()
                                        .split(File.pathSeparator))
                        .filter(
                                j ->
                                        Path.of(j)
                                                .getFileName()
                                                .toString()
                                                .startsWith("dynamorm-plugin-tenancy-"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no plugin-tenancy jar"));
        return base + File.pathSeparator + jar;
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived JVM: the client compiler alone and the serial collector start it in about
        // two thirds of the CPU time (what it does and prints is the same)
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("tour finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text.strip().replace("\r\n", "\n");
    }

    @Test
    void classPath_printsTheTenantsInvoices_andRefusesAnotherTenantsKey() throws Exception {
        assertThat(run("-cp", pathWithTenancy(), TOUR)).isEqualTo(EXPECTED);
    }

    @Test
    void modulePath_printsTheSame() throws Exception {
        assertThat(
                        run(
                                "--module-path",
                                pathWithTenancy(),
                                "--module",
                                "dev.dynamorm.examples/" + TOUR))
                .isEqualTo(EXPECTED);
    }
}
