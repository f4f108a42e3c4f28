/** ConvScope: watch a convolutional neural network work. */
module org.convscope {
    requires jdk.incubator.vector;
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires java.prefs;
    requires atlantafx.base;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    requires info.picocli;
    requires com.fasterxml.jackson.jr.ob;

    exports org.convscope;
    exports org.convscope.engine;
    exports org.convscope.app;
    exports org.convscope.data;
    exports org.convscope.cli;
    exports org.convscope.app.browser;
    exports org.convscope.app.draw;
    exports org.convscope.app.network;
    exports org.convscope.app.kernel;
    exports org.convscope.app.pooling;
    exports org.convscope.app.activation;
    exports org.convscope.app.sharing;
    exports org.convscope.app.params;
    exports org.convscope.app.flatten;
    exports org.convscope.app.training;
    exports org.convscope.app.common;
}
