package dev.crmgen.generator.naming;

import java.util.ArrayList;
import java.util.List;

/** Names of the sealed interfaces generated for oneOfs and for operations with several success responses. */
public final class UnionNames {
    private UnionNames() {}

    /** {@code PublicOrFilterBranch, PublicAndFilterBranch} → {@code PublicFilterBranch}; else the hint. */
    public static String oneOf(List<String> members, String hint) {
        List<List<String>> words = members.stream().map(UnionNames::pascalWords).toList();
        int shortest = words.stream().mapToInt(List::size).min().orElse(0);
        int prefix = 0;
        while (prefix < shortest - 1 && sameWord(words, prefix, false)) {
            prefix++;
        }
        int suffix = 0;
        while (prefix + suffix < shortest - 1 && sameWord(words, suffix, true)) {
            suffix++;
        }
        List<String> first = words.get(0);
        String name = String.join("", first.subList(0, prefix))
                + String.join("", first.subList(first.size() - suffix, first.size()));
        return name.isEmpty() || members.contains(name) ? hint : name;
    }

    /** The variant of a response union for one status: {@code Ok}, {@code MultiStatus}, else {@code Status299}. */
    public static String statusVariant(int status) {
        return switch (status) {
            case 200 -> "Ok";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "NonAuthoritative";
            case 204 -> "NoContent";
            case 206 -> "PartialContent";
            case 207 -> "MultiStatus";
            default -> "Status" + status;
        };
    }

    private static boolean sameWord(List<List<String>> words, int index, boolean fromEnd) {
        String first = null;
        for (List<String> w : words) {
            String word = fromEnd ? w.get(w.size() - 1 - index) : w.get(index);
            if (first != null && !first.equals(word)) {
                return false;
            }
            first = word;
        }
        return true;
    }

    private static List<String> pascalWords(String name) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i)) && !Character.isUpperCase(name.charAt(i - 1))) {
                out.add(name.substring(start, i));
                start = i;
            }
        }
        out.add(name.substring(start));
        return out;
    }
}
