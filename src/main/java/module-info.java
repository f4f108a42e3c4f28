/** ConvScope: watch a convolutional neural network work. */
module org.convscope {
    requires jdk.incubator.vector;
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires java.prefs;
    requires java.management; // the training view reports the UI threads' CPU time (ThreadMXBean)
    requires atlantafx.base;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    requires info.picocli;
    requires com.fasterxml.jackson.jr.ob;

    exports org.convscope;
    exports org.convscope.engine;
    exports org.convscope.data;
    exports org.convscope.app;
    exports org.convscope.app.common;

    // picocli reads and sets the @Option fields of the command classes reflectively
    opens org.convscope.cli to info.picocli;
}
