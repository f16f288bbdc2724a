package dev.jasyncio.benchmarks.transformer;

import java.util.Random;

/**
 * The source of one generated class without async code, the bulk of a real module: a mutable model with
 * accessors, {@code equals} and {@code hashCode}; a record with a compact constructor; an enum with a constant
 * body; or a helper of static methods with streams, lambdas and switches.
 */
final class PlainClassSource {

    /** The kinds of plain classes, in turn by class number. */
    enum Kind {
        MODEL("Customer"), RECORD("Point"), ENUM("Status"), HELPER("Rules");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private PlainClassSource() {
    }

    static Kind kindOf(int classNumber) {
        return Kind.values()[classNumber % Kind.values().length];
    }

    static String render(String qualifiedName, int classNumber, Random r, ModuleGenerator.Peers p) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = qualifiedName.substring(0, dot);
        String simple = qualifiedName.substring(dot + 1);
        String body = switch (kindOf(classNumber)) {
            case MODEL -> model(simple, r, p);
            case RECORD -> record(simple, r, p);
            case ENUM -> enumeration(simple, r);
            case HELPER -> helper(simple, r, p);
        };
        return "package " + pkg + ";\n\n" + body;
    }

    private static String weigh(int mask) {
        return """
                    public static int weigh(String s) {
                        int h = 7;
                        for (int i = 0; i < s.length(); i++) {
                            h = h * 17 + s.charAt(i);
                        }
                        return h & %d;
                    }
                """.formatted(mask);
    }

    private static String model(String simple, Random r, ModuleGenerator.Peers p) {
        return """
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Objects;

                /** Generated model. */
                public class %1$s {

                    private long id;
                    private String name;
                    private final List<String> tags = new ArrayList<>();
                    private double score;
                    private boolean active;

                    public %1$s(long id, String name) {
                        this.id = id;
                        this.name = Objects.requireNonNull(name, "name");
                    }

                    public long getId() {
                        return id;
                    }

                    public void setId(long id) {
                        this.id = id;
                    }

                    public String getName() {
                        return name;
                    }

                    public void setName(String name) {
                        this.name = name;
                    }

                    public List<String> getTags() {
                        return List.copyOf(tags);
                    }

                    public void addTag(String tag) {
                        if (!tags.contains(tag)) {
                            tags.add(tag);
                        }
                    }

                    public double getScore() {
                        return score;
                    }

                    public void rescore(double factor) {
                        score = score * factor + %2$d + %3$s.weigh(name);
                    }

                    public boolean isActive() {
                        return active;
                    }

                    public void setActive(boolean active) {
                        this.active = active;
                    }

                    @Override
                    public boolean equals(Object o) {
                        if (this == o) {
                            return true;
                        }
                        if (!(o instanceof %1$s other)) {
                            return false;
                        }
                        return id == other.id && active == other.active && Double.compare(score, other.score) == 0
                                && name.equals(other.name) && tags.equals(other.tags);
                    }

                    @Override
                    public int hashCode() {
                        return Objects.hash(id, name, tags, score, active);
                    }

                    @Override
                    public String toString() {
                        return "%1$s{id=" + id + ", name=" + name + ", tags=" + tags + ", score=" + score + "}";
                    }

                %4$s}
                """.formatted(simple, r.nextInt(100), p.any(), weigh(0xff + r.nextInt(0xffff)));
    }

    private static String record(String simple, Random r, ModuleGenerator.Peers p) {
        return """
                /** Generated record. */
                public record %1$s(String label, int x, int y, double weight) {

                    public %1$s {
                        if (label == null || label.isBlank()) {
                            throw new IllegalArgumentException("label");
                        }
                        if (weight < 0) {
                            weight = 0;
                        }
                    }

                    public static %1$s origin(String label) {
                        return new %1$s(label, 0, 0, %2$d.0);
                    }

                    public double distance(%1$s other) {
                        int dx = x - other.x;
                        int dy = y - other.y;
                        return Math.sqrt((double) dx * dx + (double) dy * dy) * weight;
                    }

                    public %1$s moved(int dx, int dy) {
                        return new %1$s(label + "'", x + dx, y + dy, weight + %3$s.weigh(label));
                    }

                %4$s}
                """.formatted(simple, 1 + r.nextInt(9), p.any(), weigh(0xff + r.nextInt(0xffff)));
    }

    private static String enumeration(String simple, Random r) {
        return """
                /** Generated enum. */
                public enum %1$s {
                    NEW(%2$d), ACTIVE(%3$d), SUSPENDED(%4$d) {
                        @Override
                        public boolean canTransitionTo(%1$s next) {
                            return next == ACTIVE;
                        }
                    },
                    CLOSED(0);

                    private final int rank;

                    %1$s(int rank) {
                        this.rank = rank;
                    }

                    public int rank() {
                        return rank;
                    }

                    public boolean canTransitionTo(%1$s next) {
                        return switch (this) {
                            case NEW -> next != NEW;
                            case ACTIVE -> next == SUSPENDED || next == CLOSED;
                            default -> false;
                        };
                    }

                %5$s}
                """.formatted(simple, r.nextInt(10), 10 + r.nextInt(10), 20 + r.nextInt(10),
                weigh(0xff + r.nextInt(0xffff)));
    }

    private static String helper(String simple, Random r, ModuleGenerator.Peers p) {
        return """
                import java.util.Comparator;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;
                import java.util.stream.Collectors;

                /** Generated helper. */
                public final class %1$s {

                    private %1$s() {
                    }

                    public static Map<Integer, List<String>> byLength(List<String> words) {
                        return words.stream()
                                .filter(w -> !w.isBlank())
                                .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));
                    }

                    public static String longest(List<String> words) {
                        return words.stream().max(Comparator.comparingInt(String::length)).orElse("");
                    }

                    public static int score(String word, int bonus) {
                        int total = 0;
                        for (char c : word.toCharArray()) {
                            total += switch (Character.toLowerCase(c)) {
                                case 'a', 'e', 'i', 'o', 'u' -> 1;
                                case 'q', 'z', 'x' -> %2$d;
                                default -> 2;
                            };
                        }
                        return total + bonus + %3$s.weigh(word);
                    }

                    public static String render(Map<String, Integer> counts) {
                        StringBuilder sb = new StringBuilder();
                        counts.forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
                        return sb.toString();
                    }

                %4$s}
                """.formatted(simple, 5 + r.nextInt(10), p.any(), weigh(0xff + r.nextInt(0xffff)));
    }
}
