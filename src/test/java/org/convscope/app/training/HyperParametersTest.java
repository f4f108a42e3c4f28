package org.convscope.app.training;

import static org.junit.jupiter.api.Assertions.*;

import org.convscope.app.I18n;
import org.convscope.engine.TrainConfig.Optimizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HyperParametersTest {

    @AfterEach
    void english() { I18n.setLocale(I18n.ENGLISH); }

    private static String problem(String lr, String batch, String epochs, String threads) {
        return new HyperParameters(Optimizer.SGD, lr, batch, epochs, threads).parse().problem();
    }

    @Test
    void d2lSettingsParse() {
        var r = HyperParameters.d2l(2).parse();
        assertTrue(r.ok());
        assertEquals(0.9f, r.config().learningRate());
        assertEquals(256, r.config().batchSize());
        assertEquals(10, r.config().epochs());
        assertEquals(2, r.config().threads());
        assertEquals(HyperParameters.SEED, r.config().seed());
        assertEquals(0.05f, new HyperParameters(Optimizer.ADAM, " 0,05 ", "1,024", "1", "1").parse().config().learningRate(),
                "a decimal comma and spaces are forgiven");
    }

    @Test
    void impossibleValuesGetPlainMessages() {
        assertEquals("The learning rate must be greater than 0 (try 0.1).", problem("0", "256", "10", "2"));
        assertEquals("The learning rate must be greater than 0 (try 0.1).", problem("-0.5", "256", "10", "2"));
        assertEquals("The batch size must be at least 1 (try 256).", problem("0.1", "0", "10", "2"));
        assertEquals("Train for at least one epoch.", problem("0.1", "256", "0", "2"));
        assertEquals("Use between 1 and 256 threads.", problem("0.1", "256", "10", "0"));
        assertEquals("Learning rate: “abc” is not a number (write it with a dot, e.g. 0.1).", problem("abc", "256", "10", "2"));
        assertEquals("Batch size: “2.5” is not a whole number.", problem("0.1", "2.5", "10", "2"));
        assertTrue(problem("500", "256", "10", "2").startsWith("A learning rate of 500 is far too large"));
        assertNull(problem("50", "256", "10", "2"), "lr = 50 is allowed: it is the divergence demonstration");
    }

    @Test
    void messagesFollowTheLanguage() {
        I18n.setLocale(I18n.CHINESE);
        assertEquals("学习率必须大于 0（试试 0.1）。", problem("0", "256", "10", "2"));
        assertEquals("批量大小至少为 1（试试 256）。", problem("0.1", "0", "10", "2"));
    }

    @org.junit.jupiter.api.Test
    void eachFieldIsJudgedAloneWithTheFormsOwnWords() {
        org.convscope.app.I18n.setLocale(org.convscope.app.I18n.ENGLISH);
        org.junit.jupiter.api.Assertions.assertNull(HyperParameters.fieldProblem("lr", "0.01"));
        org.junit.jupiter.api.Assertions.assertNull(HyperParameters.fieldProblem("batch", "1,024"));
        String lr = HyperParameters.fieldProblem("lr", "fast");
        org.junit.jupiter.api.Assertions.assertNotNull(lr);
        org.junit.jupiter.api.Assertions.assertEquals(new HyperParameters(org.convscope.engine.TrainConfig.Optimizer.SGD, "fast", "256", "10", "1").parse().problem(), lr);
        org.junit.jupiter.api.Assertions.assertNotNull(HyperParameters.fieldProblem("lr", "1e9"));
        org.junit.jupiter.api.Assertions.assertNotNull(HyperParameters.fieldProblem("batch", "0"));
        org.junit.jupiter.api.Assertions.assertNotNull(HyperParameters.fieldProblem("epochs", "100000"));
        org.junit.jupiter.api.Assertions.assertNotNull(HyperParameters.fieldProblem("threads", "-1"));
        org.junit.jupiter.api.Assertions.assertNull(HyperParameters.fieldProblem("threads", "2"));
    }
}
