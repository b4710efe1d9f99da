package dev.crmgen.processor;

import dev.crmgen.generator.diagnostic.Tags;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Reports on the annotated element and, where it is the cause, the annotation attribute. */
final class Reporter {
    private static final int TRACE_FRAMES = 8;
    private final Messager messager;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void report(Kind kind, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        if (mirror == null) {
            messager.printMessage(kind, message, element);
        } else if (value == null) {
            messager.printMessage(kind, message, element, mirror);
        } else {
            messager.printMessage(kind, message, element, mirror, value);
        }
    }

    /** An error found by the processor itself, tagged like the generator's: {@code [CrmgenWriteFailed] …}. */
    void error(String tag, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        report(Kind.ERROR, "[" + tag + "] " + message, element, mirror, value);
    }

    /**
     * A failure inside crmgen, a bug or the compiler running out of heap, becomes a compiler error on the annotation
     * naming the spec, with the first frames of the stack trace, instead of crashing javac.
     */
    void internalError(Throwable t, String spec, Element element, AnnotationMirror mirror) {
        String what = t instanceof OutOfMemoryError
                ? "crmgen ran out of memory generating from spec '" + spec + "'; give the compiler more heap (javac "
                        + "-J-Xmx2g, or MAVEN_OPTS=-Xmx2g when it runs inside Maven) or split the spec"
                : "crmgen failed unexpectedly on spec '" + spec + "'; please report this with the spec";
        error(Tags.INTERNAL_ERROR, what + ". " + shortTrace(t), element, mirror, null);
    }

    /** The exception, its first {@value #TRACE_FRAMES} frames and its causes: enough to locate a bug in a report. */
    static String shortTrace(Throwable t) {
        StringBuilder out = new StringBuilder().append(t);
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(TRACE_FRAMES, frames.length); i++) {
            out.append("\n\tat ").append(frames[i]);
        }
        if (frames.length > TRACE_FRAMES) {
            out.append("\n\t... ").append(frames.length - TRACE_FRAMES).append(" more");
        }
        int causes = 0;
        for (Throwable cause = t.getCause(); cause != null && causes++ < TRACE_FRAMES; cause = cause.getCause()) {
            out.append("\nCaused by: ").append(cause);
        }
        return out.toString();
    }
}
