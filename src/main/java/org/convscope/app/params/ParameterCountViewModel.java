package org.convscope.app.params;

import java.util.List;

import org.convscope.engine.ModelSpec;
import org.convscope.engine.ModelZoo;

/** The parameter-count view without JavaFX: one {@link ParameterTable} per model of the zoo and which one is shown. */
public final class ParameterCountViewModel {
    private final List<ParameterTable> tables;
    private int selected;

    public ParameterCountViewModel() { this(ModelZoo.all()); }

    public ParameterCountViewModel(List<ModelSpec> models) {
        if (models.isEmpty()) throw new IllegalArgumentException("no models to count");
        tables = models.stream().map(ParameterTable::of).toList();
        // open on the CNN of the lesson when the zoo has it
        for (int i = 0; i < tables.size(); i++) if (tables.get(i).model().id().equals("lenet5-classic")) selected = i;
    }

    public List<ParameterTable> tables() { return tables; }
    public int selectedIndex() { return selected; }
    public ParameterTable selected() { return tables.get(selected); }

    public void select(int index) {
        if (index < 0 || index >= tables.size())
            throw new IllegalArgumentException("model " + index + " does not exist; choose 0.." + (tables.size() - 1));
        selected = index;
    }

    /** The largest total of the zoo, for drawing each model's total as a bar of proportional length. */
    public long largestTotal() { return tables.stream().mapToLong(ParameterTable::total).max().orElse(1); }
}
