package dev.hypercare.yaml;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Field paths in the form errors print them: {@code websocket.rampUp}, {@code allowedTargets[0]}. */
public final class FieldPath {
    private FieldPath() {}

    public static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    public static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
