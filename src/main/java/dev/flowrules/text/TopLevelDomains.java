package dev.flowrules.text;

import java.util.Set;

/**
 * The top-level domains that make a bare {@code name.tld} in a message a link: every two-letter country code
 * and the generic domains seen in ordinary and abusive links. Written for this project; a name with a
 * top-level domain missing here is still a link when written with a scheme ({@code https://}) or {@code www.}.
 */
final class TopLevelDomains {
    private TopLevelDomains() {
    }

    private static final String COUNTRIES = "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj"
            + " bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do"
            + " dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm"
            + " hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr"
            + " ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no"
            + " np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk"
            + " sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va"
            + " vc ve vg vi vn vu wf ws ye yt za zm zw";

    private static final String GENERIC = "com org net edu gov mil int info biz name pro mobi asia tel travel jobs cat coop"
            + " aero museum app dev xyz online site top club shop store tech live link click win bid vip loan work space"
            + " website fun icu buzz blog cloud email group digital network media agency company guru ltd solutions"
            + " services support wiki ninja social art design studio global city zone gold bet casino poker porn sex sexy"
            + " adult xxx dating money cash finance trade market crypto bank tokyo london nyc berlin page news today"
            + " download stream gift cam chat lol meme party review ooo rest host press fit zip mov";

    /**
     * Bare names ending in these are more often file names than links ({@code main.py}, {@code notes.md},
     * {@code movie.mov}); written with a scheme or {@code www.} they are links.
     */
    private static final Set<String> FILE_LIKE = Set.of("py", "sh", "md", "rs", "pl", "cc", "ps", "ai", "so", "zip",
            "mov", "gz", "rb", "cs", "kt", "ml", "mk", "am", "in", "sc", "do", "cam");

    private static final Set<String> ALL = words(COUNTRIES + " " + GENERIC);

    /** Space-separated names (no String.split: engine classes keep clear of java.util.regex). */
    private static Set<String> words(String names) {
        java.util.Set<String> set = new java.util.HashSet<>();
        int start = 0;
        for (int i = 0; i <= names.length(); i++) {
            if (i == names.length() || names.charAt(i) == ' ') {
                if (i > start && !set.add(names.substring(start, i))) {
                    throw new IllegalStateException("listed twice: " + names.substring(start, i));
                }
                start = i + 1;
            }
        }
        return Set.copyOf(set);
    }

    /** Whether a lower-case ASCII label is a known top-level domain. */
    static boolean known(String tld) {
        return ALL.contains(tld);
    }

    static boolean fileLike(String tld) {
        return FILE_LIKE.contains(tld);
    }
}
