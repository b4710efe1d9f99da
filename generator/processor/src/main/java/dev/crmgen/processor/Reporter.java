package dev.crmgen.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Reports on the annotated element and, where it is the cause, the annotation attribute; counts errors. */
final class Reporter {
    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void report(Kind kind, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        if (kind == Kind.ERROR) {
            errors++;
        }
        if (mirror == null) {
            messager.printMessage(kind, message, element);
        } else if (value == null) {
            messager.printMessage(kind, message, element, mirror);
        } else {
            messager.printMessage(kind, message, element, mirror, value);
        }
    }

    void error(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        report(Kind.ERROR, message, element, mirror, value);
    }

    /** A bug in crmgen becomes a compiler error with its stack trace instead of crashing javac. */
    void internalError(Throwable t, Element element) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        error("[CrmgenInternalError] crmgen failed unexpectedly; please report this with the spec. " + trace, element, null, null);
    }

    int errorCount() {
        return errors;
    }
}
