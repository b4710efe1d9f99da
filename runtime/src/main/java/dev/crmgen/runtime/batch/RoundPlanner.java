package dev.crmgen.runtime.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a round's inputs become requests: waves that never name an id twice (a later occurrence of an id waits for the
 * earlier one's final outcome), each cut into chunks of at most the chunk size.
 */
final class RoundPlanner {
    private RoundPlanner() {}

    /**
     * The next requestable wave of {@code todo} (in input order): every input without an id, and the earliest input
     * of each id not in {@code blocked}. Inputs left for later are added to {@code rest}.
     */
    static <I> List<Integer> nextWave(
            List<Integer> todo, List<I> inputs, BatchKeys<I, ?> keys, Set<String> blocked, List<Integer> rest) {
        List<Integer> wave = new ArrayList<>(todo.size());
        Set<String> inWave = new HashSet<>(todo.size() * 4 / 3 + 1);
        for (int i : todo) {
            String id = keys.inputId(inputs.get(i));
            if (id != null && (blocked.contains(id) || !inWave.add(id))) {
                rest.add(i);
            } else {
                wave.add(i);
            }
        }
        return wave;
    }

    /** {@code wave} cut into requests of at most {@code size} inputs, in order. */
    static List<int[]> chunks(List<Integer> wave, int size) {
        List<int[]> chunks = new ArrayList<>((wave.size() + size - 1) / size);
        for (int from = 0; from < wave.size(); from += size) {
            List<Integer> part = wave.subList(from, Math.min(wave.size(), from + size));
            chunks.add(part.stream().mapToInt(Integer::intValue).toArray());
        }
        return chunks;
    }
}
