package org.convscope.app.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The set being collected, kept on disk as it grows: handwriting.json in the user's ConvScope folder (the training
 * view's autosave folder, ~/.convscope), rewritten atomically after every change, read back at the next start.
 * A file that cannot be read is never overwritten: it is moved aside (handwriting.json.unreadable-TIME) and the
 * message says where. No JavaFX; thread-safe.
 */
public final class SetStore {
    public static final String FILE = "handwriting.json";

    private final Path folder;

    public SetStore(Path folder) { this.folder = folder; }

    public Path file() { return folder.resolve(FILE); }

    public synchronized void save(SetData data) throws IOException {
        SetJson.writeAtomically(file(), SetJson.write(data, true).getBytes(StandardCharsets.UTF_8));
    }

    /** What was saved, or the empty digit set when nothing was. */
    public synchronized SetData load() throws SetProblem {
        String text;
        try {
            text = Files.readString(file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return SetData.empty();
        } catch (IOException | RuntimeException e) {
            throw new SetProblem(e, "collect.store.unreadable", file().toString(), String.valueOf(e.getMessage()));
        }
        try {
            return read(text, file().getFileName().toString());
        } catch (SetProblem p) {
            Path aside = folder.resolve(FILE + ".unreadable-" + Instant.now().toString().replace(':', '-'));
            try {
                Files.move(file(), aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                aside = file();
            }
            throw new SetProblem(p, "collect.store.movedAside", aside.toString(), p.text());
        }
    }

    static SetData read(String text, String name) throws SetProblem {
        Map<String, Object> m = SetJson.parse(text, name);
        List<String> classes = SetJson.classes(m, name);
        List<Sample> samples = new ArrayList<>();
        for (Object o : SetJson.drawings(m)) {
            Sample s = SetJson.sample(o, null, name);
            if (s.label() >= classes.size()) throw new SetProblem("collect.json.bad", name, "class " + s.label() + " of " + classes.size());
            samples.add(s);
        }
        return new SetData(classes, samples, SetJson.provenance(m));
    }
}
