package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Where the parser is and what it sees, in words: the JSON paths and descriptions that decoding messages carry. */
final class JsonPaths {
    private JsonPaths() {}

    /**
     * The JSON path of the value at the parser's position: {@code $}, {@code $.results[3].createdAt},
     * {@code $.properties['hs_note body']}. On a {@code START_*} or {@code END_*} token it is the container's path.
     */
    static String path(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        // On START_OBJECT/START_ARRAY jackson has already entered the new container: report the container itself.
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx != null && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        return path(ctx);
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "$";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + Math.max(ctx.getCurrentIndex(), 0) + "]";
        }
        String name = ctx.getCurrentName();
        return name == null ? parent : appendName(parent, name);
    }

    static String appendName(String parent, String name) {
        if (isIdentifier(name)) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_' || name.charAt(0) == '$')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /** The value at the parser's position in words, for messages: {@code the string "abc"}, {@code an object}. */
    static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of input";
        }
        try {
            switch (t) {
                case START_OBJECT:
                    return "an object";
                case START_ARRAY:
                    return "an array";
                case END_OBJECT:
                    return "the end of an object";
                case END_ARRAY:
                    return "the end of an array";
                case FIELD_NAME:
                    return "the property name \"" + abbreviate(p.currentName()) + "\"";
                case VALUE_STRING:
                    return "the string \"" + abbreviate(p.getText()) + "\"";
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return "the number " + abbreviate(p.getText());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return "the boolean " + p.getText();
                case VALUE_NULL:
                    return "null";
                default:
                    return t.toString();
            }
        } catch (IOException e) {
            return t.toString();
        }
    }

    /** At most 60 characters of {@code text}, for messages. */
    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
