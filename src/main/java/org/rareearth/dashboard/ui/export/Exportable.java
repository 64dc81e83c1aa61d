package org.rareearth.dashboard.ui.export;

/** A view whose chart can be exported as PNG and CSV. */
public interface Exportable {
    ExportSpec exportSpec();
}
