package org.convscope.app.lesson;

/** A lesson file that cannot be used; the message names the step and field and says what to write instead. */
public final class LessonFormatException extends Exception {
    public LessonFormatException(String message) { super(message); }
    public LessonFormatException(String message, Throwable cause) { super(message, cause); }
}
