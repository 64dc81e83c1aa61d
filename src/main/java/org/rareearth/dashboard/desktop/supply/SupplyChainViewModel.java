package org.rareearth.dashboard.desktop.supply;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rareearth.dashboard.analytics.CapacityOutlook;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.SupplyChain;
import org.rareearth.dashboard.service.SupplyChainService;

/**
 * The Supply chain screen's state: the stage, product, statuses and countries chosen and the target, and the
 * outlook the {@code capacity} command gives for them, computed off the FX thread. Needs no toolkit: tests give
 * it plain executors.
 */
public final class SupplyChainViewModel {
    /** What the store holds, read in one go (the service's outlook over it is cheap). */
    public record Records(List<CapacityProject> projects, List<org.rareearth.dashboard.domain.StageShare> shares,
                          List<org.rareearth.dashboard.domain.Quota> quotas,
                          List<org.rareearth.dashboard.domain.PolicyEvent> events) {}

    /** The store's records, read off the FX thread; only the latest read is shown. */
    private final LatestRead<Records> reads;
    private final Supplier<Integer> thisYear;

    private final StringProperty stage = new SimpleStringProperty("magnets");
    private final StringProperty product = new SimpleStringProperty();
    public final ObservableList<String> statuses = FXCollections.observableArrayList();
    public final ObservableList<String> countries = FXCollections.observableArrayList();
    /** The target in tonnes a year, and the product it is a quantity of (null: the chosen product). */
    private final ObjectProperty<Double> target = new SimpleObjectProperty<>();
    private final StringProperty targetProduct = new SimpleStringProperty();
    public final ObservableList<String> productChoices = FXCollections.observableArrayList();
    public final ObservableList<String> countryChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SupplyChainService.Outlook> outlook = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lagText = new ReadOnlyStringWrapper("");
    private Records records;

    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public SupplyChainViewModel(Supplier<Records> read, Supplier<Integer> thisYear, Executor background, Executor ui) {
        this.thisYear = thisYear;
        this.reads = new LatestRead<>("the supply-chain records", read, background, ui);
        reads.readsProperty().addListener(o -> {
            records = reads.valueProperty().get();
            recompute();
        });
        reads.problemProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                problem.set(b);
            }
        });
    }

    /** The screen's model over a workspace, for the app's year. */
    public static SupplyChainViewModel over(org.rareearth.dashboard.service.Workspace services, Executor background,
                                            Executor ui) {
        return new SupplyChainViewModel(() -> new Records(services.supplyChain.projects(),
                services.supplyChain.shares(), services.supplyChain.quotas(), services.events.all()),
                () -> org.rareearth.dashboard.service.AppClock.today().getYear(), background, ui);
    }

    /** The store's records as the screen reads them (the window prefetches it and tells it of the store's changes). */
    public LatestRead<Records> reads() {
        return reads;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public StringProperty productProperty() {
        return product;
    }

    public ObjectProperty<Double> targetProperty() {
        return target;
    }

    public StringProperty targetProductProperty() {
        return targetProduct;
    }

    public ReadOnlyObjectProperty<SupplyChainService.Outlook> outlookProperty() {
        return outlook.getReadOnlyProperty();
    }

    /** Why nothing can be shown (empty when all is well). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The lag in words, or why it cannot be given. */
    public ReadOnlyStringProperty lagTextProperty() {
        return lagText.getReadOnlyProperty();
    }

    /** Sets the target to a reference quantity from the sheet (and its product). */
    public void useReference(SupplyChainService.Reference r) {
        stage.set(r.stage());
        product.set(r.product());
        targetProduct.set(r.product());
        target.set(r.tonnes());
    }

    /** Recomputes from the records already read (call on the UI thread after a choice changes). */
    public void recompute() {
        if (records == null) {
            return;
        }
        String st = stage.get();
        productChoices.setAll(SupplyChainService.products(records.projects(), st));
        countryChoices.setAll(SupplyChainService.countries(records.projects()));
        String wanted = product.get();
        String chosen = wanted != null && productChoices.stream().anyMatch(p -> SupplyChain.sameProduct(p, wanted))
                ? wanted : SupplyChain.defaultProduct(st);
        Double t = target.get();
        String tp = targetProduct.get();
        boolean comparable = t == null || tp == null || tp.isBlank() || SupplyChain.sameProduct(tp, chosen);
        SupplyChainService.Query q = new SupplyChainService.Query(st, new LinkedHashSet<>(statuses),
                new LinkedHashSet<>(countries), chosen, comparable ? t : null);
        try {
            SupplyChainService.Outlook o = SupplyChainService.outlook(q, thisYear.get(), records.projects(),
                    records.shares(), records.quotas(), records.events());
            problem.set(records.projects().isEmpty() ? "No capacity projects in the store yet: add one in Data >"
                    + " Capacity projects, or import a dataset with \"capacityProjects\"." : "");
            outlook.set(o);
            lagText.set(!comparable ? "Cannot compare: the target is in t of " + tp + ", the capacities in t/yr of "
                    + chosen + "." : describe(o.result()));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            lagText.set("");
        }
    }

    static String describe(CapacityOutlook.Result r) {
        CapacityOutlook.Lag lag = r.lag();
        if (lag == null) {
            return "Enter a target (t/yr of " + r.product() + ") to see the first year the capacity on record"
                    + " reaches it.";
        }
        CapacityOutlook.Slip slip = r.slip();
        String slipText = slip.medianYears() == null ? "with every target slipped by the median: not known (no"
                + " project has more than one target on record)" : "with every target slipped by the median slip on"
                + " record (" + SupplyChainService.plain(slip.medianYears()) + " yr, " + slip.basis().size() + " project"
                + (slip.basis().size() == 1 ? "" : "s") + "): " + year(lag.withMedianSlip());
        return String.format("%,.0f t/yr of %s is reached — operating only: %s; with construction: %s; with"
                        + " planned: %s; %s.", lag.target(), r.product(), year(lag.operatingOnly()),
                year(lag.withConstruction()), year(lag.withPlanned()), slipText);
    }

    private static String year(Integer y) {
        return y == null ? "not on record" : String.valueOf(y);
    }

}
