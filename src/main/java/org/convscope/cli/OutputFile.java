package org.convscope.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks, before any work, that a command can write its output file (issue #12: {@code train --out} found a bad path
 * only after the whole run, and the model was lost). The target must be absent or an ordinary file that can be
 * written, in a folder that can be written to; a folder, a device, a FIFO or a socket is never replaced. A missing
 * folder is created here, before any work (as the save at the end always did), so that one that cannot be made is
 * reported at once.
 * The folder is tried for real (a hidden temporary file is created and removed at once), so the reason given is the
 * operating system's: no such folder, permission denied, a read-only file system.
 */
final class OutputFile {
    private OutputFile() {}

    /**
     * Null when {@code out} can be written; else one sentence saying why not and what to do.
     * @param example a file name to suggest when {@code out} is a folder
     */
    static String problem(String option, Path out, String example) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) { // follows a symbolic link: what would be written is what it points at
            if (Files.isDirectory(target))
                return option + " " + out + " is a folder; give a file name in it, such as " + out.resolve(example) + ".";
            if (!Files.isRegularFile(target))
                return option + " " + out + " is " + kind(target) + ", not an ordinary file; ConvScope only replaces ordinary files. "
                        + "Give the name of a new file.";
            if (!Files.isWritable(target))
                return option + " " + out + ": permission denied (the file cannot be written). Choose another file or change its permissions.";
        }
        Path parent = target.getParent();
        if (parent == null) return option + " " + out + " names no file.";
        if (!Files.exists(parent)) { // made now, as the model would be saved into it (a typing error shows up at once)
            Path existing = parent;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing != null && !Files.isDirectory(existing))
                return option + " " + out + ": " + existing + " is a file, not a folder. Choose another folder.";
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                return option + " " + out + ": the folder " + parent + " does not exist and cannot be created (" + reason(e)
                        + "). Create it or choose another folder.";
            }
        }
        if (!Files.isDirectory(parent))
            return option + " " + out + ": " + parent + " is not a folder.";
        try {
            Path probe = Files.createTempFile(parent, ".convscope-write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return option + " " + out + ": the folder " + parent + " cannot be written to (" + reason(e) + "). Choose another folder.";
        }
        return null;
    }

    /** What the operating system said, without the file name it repeats: "permission denied", "Read-only file system". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "a FIFO (named pipe)", "a device", "a socket" or "a special file" (from the Unix file mode where the JDK has it). */
    static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000, 0060000 -> "a device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isSymbolicLink(p) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "a broken link" : "a special file";
        }
    }
}
