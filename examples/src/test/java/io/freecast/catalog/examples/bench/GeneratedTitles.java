package io.freecast.catalog.examples.bench;

import java.util.SplittableRandom;

/**
 * Titles for the large generated catalog ({@link LargeCatalogFeeds}): varied enough that a title search
 * behaves as on a real catalog — a few words in a large share of titles, many in a few, accented names,
 * made-up words that occur once or twice.
 *
 * <p>Words are drawn with a skew ({@link #skewed}): the first words of each list are much more frequent
 * than the last, as in real titles. Nothing here contains "night" except {@link #COMMON_WORD} itself, so a
 * search for it matches exactly the titles that were given it, and nothing contains "zebra" (or "zq") at all.
 */
final class GeneratedTitles {

    /** In about one title in seven, as a word (the benchmark's "common word"). */
    static final String COMMON_WORD = "Night";

    /** In no title (the benchmark's "no match"). */
    static final String ABSENT_WORD = "zebra";

    /**
     * In no title either (the benchmark's "2 letters, no match"): no syllable or word here has a "z" before a "q".
     * Too short for a trigram, so a search for it is not a phrase of the title index.
     */
    static final String ABSENT_PAIR = "zq";

    /** An accented name in about one title in 200 (the benchmark's "accented" search). */
    static final String ACCENTED_NAME = "Amélie";

    private static final String[] NOUNS = {COMMON_WORD, "Love", "River", "Road", "House", "Storm", "Harbor", "City",
        "Sky", "Fire", "Summer", "Heart", "Shadow", "Garden", "Mirror", "Island", "Valley", "Winter", "Train",
        "Kingdom", "Letter", "Promise", "Signal", "Horizon", "Orchard", "Lantern", "Circus", "Frontier", "Tide",
        "Echo", "Compass", "Meridian", "Carousel", "Labyrinth", "Observatory", "Lighthouse", "Aviary", "Quarry",
        "Tapestry", "Bellwether"};
    private static final String[] ADJECTIVES = {"Last", "Dark", "Silent", "Lost", "Golden", "Broken", "Hidden",
        "Wild", "Secret", "Little", "Red", "Cold", "Long", "Bright", "Empty", "Final", "Frozen", "Burning", "Quiet",
        "Distant", "Crimson", "Hollow", "Restless", "Savage", "Gentle", "Electric", "Paper", "Iron", "Velvet",
        "Copper", "Amber", "Ivory", "Feral", "Luminous", "Sleepless", "Threadbare"};
    private static final String[] PLACES = {"Paris", "Tokyo", "Montana", "Kyoto", "Lisbon", "Oslo", "Cairo",
        "Brooklyn", "Marseille", "Reykjavík", "São Paulo", "Zürich", "Kraków", "Bogotá", "Málaga", "Québec",
        "Montréal", "Nice", "Tromsø", "Córdoba", "Dublin", "Havana", "Nairobi", "Hanoi", "Valparaíso", "Gdańsk"};
    private static final String[] NAMES = {"Anna", "Jack", "Maria", "Sam", "Leo", "Nora", "Chloé", "José", "Zoë",
        "Björn", "François", "Inés", "Agnès", "Hélène", "Jürgen", "Mónica", "Ramón", "Noël", "Renée", "Thérèse",
        "Frédéric", "Begoña", ACCENTED_NAME, "Søren", "Łukasz", "Małgorzata"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "vu", "sha", "bel", "dri", "qua",
        "zen", "fo", "pix", "pra", "lu", "gor"};
    private static final String[] SEQUELS = {" 2", " 3", " II", ": Part Two", " Returns", ": The Beginning"};

    /** A title, and the made-up word in it if it has one (a rare word: 16^5 of them). */
    record Title(String text, String madeUpWord) {
    }

    private GeneratedTitles() {
    }

    static Title title(SplittableRandom random) {
        int pattern = random.nextInt(100);
        String madeUp = null;
        String text;
        if (pattern < 30) {
            text = adjective(random) + " " + noun(random);
        } else if (pattern < 48) {
            text = "The " + noun(random) + " of " + skewed(random, PLACES);
        } else if (pattern < 60) {
            text = skewed(random, NAMES) + "'s " + noun(random);
        } else if (pattern < 68) {
            text = skewed(random, NAMES) + " and the " + adjective(random) + " " + noun(random);
        } else if (pattern < 78) {
            text = noun(random) + " in " + skewed(random, PLACES);
        } else if (pattern < 93) {
            madeUp = madeUpWord(random);
            int form = random.nextInt(3);
            text = form == 0 ? madeUp : form == 1 ? "Return to " + madeUp : madeUp + ": " + adjective(random) + " " + noun(random);
        } else {
            text = "A " + noun(random) + " for " + skewed(random, NAMES);
        }
        if (random.nextInt(100) < 8) {
            text += SEQUELS[random.nextInt(SEQUELS.length)];
        }
        return new Title(text, madeUp);
    }

    /** A short episode title ("Silent Harbor"). */
    static String episodeTitle(SplittableRandom random) {
        return adjective(random) + " " + noun(random);
    }

    static String noun(SplittableRandom random) {
        return skewed(random, NOUNS);
    }

    static String adjective(SplittableRandom random) {
        return skewed(random, ADJECTIVES);
    }

    static String place(SplittableRandom random) {
        return skewed(random, PLACES);
    }

    /**
     * One word of the list, the first ones far more often: index = floor(n × u²) for a uniform u, so the first of
     * n words comes with probability 1/√n (about 16% for 40 words) and the last with about 1/(2n).
     */
    static String skewed(SplittableRandom random, String[] words) {
        double u = random.nextDouble();
        return words[(int) (words.length * u * u)];
    }

    private static String madeUpWord(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
