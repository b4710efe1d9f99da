package dev.crmgen.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox as a process that tells, at the end, every write it applied: what crash-and-resume tests compare with
 * what the client recorded. ({@link NotesSandbox#main} is the general command line, for benchmarks.)
 */
public final class LedgerSandbox {
    private LedgerSandbox() {}

    /**
     * Runs a sandbox as its own process: {@code java dev.crmgen.sandbox.LedgerSandbox [notes] [port] [options]}, with
     * options {@code --faults SEED} (5% 5xx, 2% dropped connections, 2% lost responses, 2-20 ms latency),
     * {@code --rate-limit N} (requests per token per 10 s) and {@code --ledger-at-eof}. The first line printed names
     * the base URL and the token. It serves until interrupted or, with {@code --ledger-at-eof}, until its standard
     * input ends: then it prints every write it applied, one {@code write <note id> <properties>} line each
     * (properties as {@code name=value} pairs joined by {@code &}, URL-encoded), then {@code end}, and exits.
     */
    public static void main(String[] args) throws InterruptedException, IOException {
        List<String> positional = new ArrayList<>();
        NotesSandbox.Builder builder = NotesSandbox.builder();
        boolean ledgerAtEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--faults" ->
                    builder.faults(Faults.builder()
                            .serverErrorRate(0.05)
                            .connectionAbortRate(0.02)
                            .lostResponseRate(0.02)
                            .latency(Duration.ofMillis(2), Duration.ofMillis(20))
                            .seed(Long.parseLong(args[++i]))
                            .build());
                case "--rate-limit" -> builder.rateLimit(Integer.parseInt(args[++i]), Duration.ofSeconds(10));
                case "--ledger-at-eof" -> ledgerAtEof = true;
                default -> positional.add(args[i]);
            }
        }
        int notes = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 1000;
        int port = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 0;
        try (NotesSandbox sandbox = builder.seed(notes).port(port).start()) {
            System.out.println("HubSpot notes sandbox at " + sandbox.baseUrl() + " with " + notes + " notes (ids "
                    + NotesSandbox.DEFAULT_FIRST_ID + "..); token: " + sandbox.accessToken());
            System.out.flush();
            if (!ledgerAtEof) {
                Thread.currentThread().join();
            }
            System.in.transferTo(OutputStream.nullOutputStream());
            PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
            for (long id = NotesSandbox.DEFAULT_FIRST_ID; id < NotesSandbox.DEFAULT_FIRST_ID + notes; id++) {
                for (Ledger.Write w : sandbox.ledger().writes(Long.toString(id))) {
                    out.println("write " + id + " " + encode(w.properties()));
                }
            }
            out.println("end");
            out.flush();
        }
    }

    private static String encode(Map<String, String> properties) {
        StringBuilder b = new StringBuilder();
        properties.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
