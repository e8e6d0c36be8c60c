package dev.flowrules.patterns;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The re2j patterns of one load, each distinct (pattern, flags) compiled once: the loader compiles a pattern to
 * validate it, the checker and the compiler take the same {@link Pattern} instead of compiling it again. Rules
 * testing the same pattern share the instance, so a message is also scanned for it once.
 * <p>A load runs {@link #oneLoad} around its stages: the stages on that thread take the cache with
 * {@link #current()}; the loader hands it on to the threads that read files in parallel. A scope rather than a
 * parameter keeps the cache out of the exported signatures ({@code RuleLoader.load}, {@code RuleSet} callers),
 * so re2j types stay internal. The scope ends with the load and nothing is kept in a static field after it, so a
 * long-lived process (the Maven daemon, a playground) does not keep the patterns of every load it ran. Sharing a
 * cache wider than one load is never wrong, only longer-lived: an entry is what re2j compiles from its key.
 * <p>Thread-safe. Internal: not exported by the module.
 */
public final class Patterns {
    private static final ThreadLocal<Patterns> OPEN = new ThreadLocal<>();

    private final Map<Key, Pattern> compiled = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    private record Key(String regex, int flags) {
    }

    /** A cache of its own; {@link #use} makes it the one of a load. */
    public Patterns() {
    }

    /**
     * Runs a load's stages with one cache: the one already open on this thread (a load inside a larger one,
     * e.g. {@code Engine.fromRules} inside a test that counts compilations), else a new one for this call.
     *
     * @param work the stages of the load
     * @param <T> what the load returns
     * @return what {@code work} returned
     */
    public static <T> T oneLoad(Supplier<T> work) {
        return current().use(work);
    }

    /**
     * The cache of the load running on this thread, or, outside any load, a new one that only the caller holds
     * (then each call of a stage compiles on its own, as a stage used alone does).
     *
     * @return the cache to compile with
     */
    public static Patterns current() {
        Patterns open = OPEN.get();
        return open != null ? open : new Patterns();
    }

    /**
     * Runs {@code work} with this cache open on this thread, unless one is open already (then that one stays).
     *
     * @param work what to run
     * @param <T> what it returns
     * @return what {@code work} returned
     */
    public <T> T use(Supplier<T> work) {
        if (OPEN.get() != null) {
            return work.get();
        }
        OPEN.set(this);
        try {
            return work.get();
        } finally {
            OPEN.remove();
        }
    }

    /**
     * The pattern compiled with these flags, compiled now on first sight. A pattern re2j refuses is not kept:
     * the exception reaches the caller each time, and the loader turns it into a diagnostic where it is written.
     *
     * @param regex the pattern as written
     * @param flags re2j flags, e.g. {@link Pattern#CASE_INSENSITIVE}
     * @return the compiled pattern, the same instance for the same pattern and flags
     * @throws com.google.re2j.PatternSyntaxException when re2j refuses the pattern
     */
    public Pattern compile(String regex, int flags) {
        return compiled.computeIfAbsent(new Key(regex, flags), key -> {
            compilations.incrementAndGet();
            return Pattern.compile(key.regex(), key.flags());
        });
    }

    /**
     * How many times this cache called re2j's compiler, refused patterns included: what the tests count to show
     * each pattern is compiled once.
     *
     * @return the number of compilations so far
     */
    public int compilations() {
        return compilations.get();
    }
}
