package org.convscope.app.training;

import java.io.File;
import java.nio.file.Path;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.convscope.app.I18n;

/** Asks the user for a file (a FileChooser in the app; tests answer with a temporary path). */
public interface FilePicker {
    /** A file to write, or null if the user cancelled. */
    Path save(Window owner, String suggestedName, String extension);

    /** A file to read, or null. */
    Path open(Window owner, String extension);

    /** The platform's file dialog, starting in the user's ConvScope folder. */
    static FilePicker dialogs() {
        return new FilePicker() {
            @Override public Path save(Window owner, String suggestedName, String extension) {
                FileChooser fc = chooser(extension);
                fc.setInitialFileName(suggestedName);
                File f = fc.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override public Path open(Window owner, String extension) {
                File f = chooser(extension).showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            private FileChooser chooser(String extension) {
                FileChooser fc = new FileChooser();
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("training.file." + extension), "*." + extension));
                File dir = Autosave.defaultFolder().toFile();
                if (dir.isDirectory()) fc.setInitialDirectory(dir);
                return fc;
            }
        };
    }
}
