package id.loket.central.sim;

import id.loket.common.model.Sex;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Names for generated applicants. The lists deliberately include the names that break naive
 * code (one word, apostrophes, hyphens, dots, accents) so the desk meets them in demo mode
 * and tests, not first at the counter.
 */
final class NameBank {

    /** The shape of a name; the unusual shapes are dealt on purpose so every day has some. */
    enum Kind { BALINESE, INDONESIAN, MONONYM, APOSTROPHE, HYPHEN_OR_DOT, NON_ASCII }

    /** Birth-order titles: a Balinese name starting "I " is a man's, "Ni " a woman's. */
    private static final List<String> BALINESE_MALE_TITLES = List.of(
            "I Wayan", "I Putu", "I Gede", "I Made", "I Kadek", "I Nengah", "I Nyoman", "I Komang", "I Ketut");
    private static final List<String> BALINESE_FEMALE_TITLES = List.of(
            "Ni Luh Putu", "Ni Putu", "Ni Wayan", "Ni Luh Gede", "Ni Made", "Ni Kadek", "Ni Nyoman",
            "Ni Komang", "Ni Ketut");
    /** Caste titles replace the birth-order title, so these names carry no "I"/"Ni" at all. */
    private static final List<String> BALINESE_GENTRY_MALE_TITLES = List.of(
            "Ida Bagus", "Anak Agung Gede", "Cokorda Gede", "I Gusti Ngurah", "Anak Agung Ngurah");
    private static final List<String> BALINESE_GENTRY_FEMALE_TITLES = List.of(
            "Ida Ayu", "Anak Agung Istri", "Cokorda Istri", "Gusti Ayu", "Desak Made");
    private static final List<String> BALINESE_MALE_GIVEN = List.of(
            "Sudarsana", "Arta", "Suweca", "Mahendra", "Budiarta", "Wirawan", "Sukerta", "Adnyana",
            "Darma Putra", "Suardana", "Widiana", "Astawa", "Surya Dharma", "Agus Ardana", "Eka Juliarta",
            "Sastrawan", "Wiradana", "Oka Swastika", "Rai Pranata", "Gede Sukadana");
    private static final List<String> BALINESE_FEMALE_GIVEN = List.of(
            "Ayu Lestari", "Sri Wahyuni", "Ari Suryani", "Dewi Anggreni", "Eka Pratiwi", "Wulandari",
            "Sukerti", "Mariani", "Kartika Sari", "Yuniantari", "Rai Sumertini", "Ayu Sasmita",
            "Desi Purnamasari", "Widiastuti", "Sri Utami", "Novi Antari");

    private static final List<String> MALE_FIRST = List.of(
            "Muhammad", "Ahmad", "Agus", "Budi", "Dimas", "Rizky", "Yohanes", "Fransiskus", "Andreas",
            "Hendra", "Bambang", "Joko", "Eko", "Hasan", "Yusuf", "Stefanus", "Kevin", "Rudi", "Arief",
            "Fajar", "Daniel", "Teguh");
    private static final List<String> MALE_MIDDLE = List.of(
            "Rizky", "Arya", "Dwi", "Eka", "Adi", "Bayu", "Aditya", "Reza", "Tri", "Dani");
    private static final List<String> MALE_LAST = List.of(
            "Pratama", "Santoso", "Setiawan", "Saputra", "Nugroho", "Hidayat", "Kristianto", "Wibowo",
            "Siregar", "Simanjuntak", "Gunawan", "Kurniawan", "Hakim", "Firmansyah", "Ramadhan",
            "Prasetyo", "Halim", "Sitompul", "Wijaya", "Nasution");
    private static final List<String> FEMALE_FIRST = List.of(
            "Siti", "Dewi", "Sri", "Rina", "Maria", "Fitri", "Nur", "Putri", "Yuliana", "Theresia",
            "Anisa", "Indah", "Ratna", "Kartika", "Novita", "Agnes", "Elisabeth", "Desi", "Rahma", "Lia");
    private static final List<String> FEMALE_MIDDLE = List.of(
            "Ayu", "Dwi", "Eka", "Nur", "Putri", "Indah", "Sari", "Tri", "Ratna");
    private static final List<String> FEMALE_LAST = List.of(
            "Nurhaliza", "Rahmawati", "Wulandari", "Lestari", "Handayani", "Kusumawati", "Susanti",
            "Purnamasari", "Anggraini", "Maharani", "Permatasari", "Pangaribuan", "Sinaga", "Hasibuan",
            "Wijaya", "Halim");

    private static final List<String> MALE_MONONYMS = List.of(
            "Sukarno", "Wiranto", "Sutrisno", "Slamet", "Paimin", "Mulyono", "Sugiono", "Tukiman",
            "Ponijan", "Sudarmo", "Karyadi");
    private static final List<String> FEMALE_MONONYMS = List.of(
            "Suharti", "Sumiati", "Sulastri", "Tuminah", "Ponirah", "Wartini", "Sukinah", "Painem",
            "Murni", "Juminten");

    private static final List<String> MALE_APOSTROPHE = List.of(
            "Ma'ruf Amin", "Syafi'i", "Ja'far Sidiq", "Mu'tashim Billah", "Ahmad Rifa'i");
    private static final List<String> FEMALE_APOSTROPHE = List.of(
            "Nur'aini", "Nur'aini Rahmawati", "Su'aidah Hasanah", "Ni'matul Fauziah", "Ma'rifatul Jannah");

    private static final List<String> MALE_HYPHEN_OR_DOT = List.of(
            "Ahmad Al-Farisi", "R.M. Suryo Hadiningrat", "H. Abdul Rahman", "Umar Al-Habsyi",
            "Yoh. Krisostomus Lado");
    private static final List<String> FEMALE_HYPHEN_OR_DOT = List.of(
            "R.A. Kartini Putri", "Siti Al-Zahra", "Maria Goretti Br. Sembiring", "Hj. Nurul Fadhilah",
            "Dewi Sri-Rejeki");

    private static final List<String> MALE_NON_ASCII = List.of(
            "André Wijaya", "Jérôme Tanoesoedibjo", "José Manuel da Costa", "François Hutagalung",
            "René Sihombing");
    private static final List<String> FEMALE_NON_ASCII = List.of(
            "Zoë Anggraini", "Chloé Wibisono", "Renée Kusumawardhani", "Inès Sitorus", "Noëlle Tanjung");

    private NameBank() {
    }

    static String name(Kind kind, Sex sex, RandomGenerator random) {
        boolean male = sex == Sex.M;
        return switch (kind) {
            case BALINESE -> balinese(male, random);
            case INDONESIAN -> indonesian(male, random);
            case MONONYM -> pick(male ? MALE_MONONYMS : FEMALE_MONONYMS, random);
            case APOSTROPHE -> pick(male ? MALE_APOSTROPHE : FEMALE_APOSTROPHE, random);
            case HYPHEN_OR_DOT -> pick(male ? MALE_HYPHEN_OR_DOT : FEMALE_HYPHEN_OR_DOT, random);
            case NON_ASCII -> pick(male ? MALE_NON_ASCII : FEMALE_NON_ASCII, random);
        };
    }

    private static String balinese(boolean male, RandomGenerator random) {
        boolean gentry = random.nextInt(100) < 8;
        List<String> titles = male
                ? (gentry ? BALINESE_GENTRY_MALE_TITLES : BALINESE_MALE_TITLES)
                : (gentry ? BALINESE_GENTRY_FEMALE_TITLES : BALINESE_FEMALE_TITLES);
        return pick(titles, random) + " " + pick(male ? BALINESE_MALE_GIVEN : BALINESE_FEMALE_GIVEN, random);
    }

    private static String indonesian(boolean male, RandomGenerator random) {
        String first = pick(male ? MALE_FIRST : FEMALE_FIRST, random);
        String last = pick(male ? MALE_LAST : FEMALE_LAST, random);
        if (random.nextInt(3) == 0) {
            String middle = pick(male ? MALE_MIDDLE : FEMALE_MIDDLE, random);
            if (!middle.equals(first)) {
                return first + " " + middle + " " + last;
            }
        }
        return first + " " + last;
    }

    private static String pick(List<String> list, RandomGenerator random) {
        return list.get(random.nextInt(list.size()));
    }
}
