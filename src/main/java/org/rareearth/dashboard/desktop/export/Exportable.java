package org.rareearth.dashboard.desktop.export;

/** A view whose chart can be exported as PNG and CSV. */
public interface Exportable {
    ExportSpec exportSpec();
}
