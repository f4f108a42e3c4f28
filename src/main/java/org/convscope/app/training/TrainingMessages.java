package org.convscope.app.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.convscope.app.training.TrainingViewModel.MessageKind;

/** The one message line of the Train tab (what happened last, and how good or bad it is). FX thread only. */
public final class TrainingMessages {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<MessageKind> kind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.INFO);

    public void say(MessageKind k, String text) {
        kind.set(k);
        message.set(text);
    }

    public void clear() { message.set(null); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MessageKind> kindProperty() { return kind.getReadOnlyProperty(); }
}
