package dev.flowrules.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh loopback Chime stand-in per test, and the log lines the code under test wrote. */
abstract class WithFakeChime {
    FakeChime chime;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void startChime() throws IOException {
        chime = new FakeChime();
    }

    @AfterEach
    void stopChime() {
        chime.close();
    }
}
