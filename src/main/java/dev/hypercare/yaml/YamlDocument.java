package dev.hypercare.yaml;

/**
 * A strictly bound YAML file and where each of its values was written, so that rules checked after
 * binding can still name the file and line: {@code where("phases.hold")} gives {@code x.yaml:3}.
 */
public record YamlDocument<T>(T value, String source, YamlIndex index) implements FieldLocator {
    @Override
    public String where(String path) {
        return source + ":" + index.line(path);
    }

    @Override
    public String written(String path) {
        return index.entry(path).map(YamlIndex.Entry::written).orElse("nothing");
    }
}
