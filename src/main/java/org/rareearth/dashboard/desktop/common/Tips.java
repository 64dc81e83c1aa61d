package org.rareearth.dashboard.desktop.common;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips built when the pointer first comes over their node, not when the node is built.
 *
 * <p>Each {@link Tooltip} makes a popup window with a scene of its own, styled against every stylesheet in use, in
 * its constructor: about a millisecond on the FX thread, whether or not it is ever shown. The window's opening frame
 * built dozens (BENCHMARKS.md), and a view's first showing one per button, cell or chart mark. Here a node keeps its
 * text and builds its tooltip on its first {@link MouseEvent#MOUSE_ENTERED}, in time for the hover that shows it.
 * The text is also the node's {@linkplain Node#accessibleHelpProperty() accessible help}, which a control would
 * otherwise take from a tooltip it does not have yet.
 */
public final class Tips {
    private static final String PENDING = Tips.class.getName() + ".pending";
    private static final String BUILT = Tips.class.getName() + ".built";
    private static final EventHandler<MouseEvent> BUILD = e -> build((Node) e.getSource());

    /**
     * The text and set-up of a tooltip not built yet. A class, not a record: the node's property map compares a
     * replaced value with the new one, and a record's first {@code equals} links its call site (milliseconds, on
     * the FX thread, in the window's opening frame).
     */
    private static final class Pending {
        final String text;
        final Consumer<Tooltip> setUp;

        Pending(String text, Consumer<Tooltip> setUp) {
            this.text = text;
            this.setUp = setUp;
        }
    }

    private Tips() {
    }

    /** Gives {@code node} a tooltip saying {@code text}, or takes its tooltip away when {@code text} is null. */
    public static void set(Node node, String text) {
        set(node, text, null);
    }

    /**
     * As {@link #set(Node, String)}, with {@code setUp} run on the tooltip once it is built (a shorter delay, a
     * wider wrap). A tooltip already built keeps its set-up and takes the new text.
     */
    public static void set(Node node, String text, Consumer<Tooltip> setUp) {
        node.setAccessibleHelp(text);
        Optional<Tooltip> built = built(node);
        if (text == null) {
            if (node.getProperties().remove(PENDING) != null) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, BUILD);
            }
            built.ifPresent(t -> {
                node.getProperties().remove(BUILT);
                if (node instanceof Control c) {
                    c.setTooltip(null);
                } else {
                    Tooltip.uninstall(node, t);
                }
            });
            return;
        }
        if (built.isPresent()) {
            built.get().setText(text);
            return;
        }
        if (node.getProperties().put(PENDING, new Pending(text, setUp)) == null) {
            node.addEventHandler(MouseEvent.MOUSE_ENTERED, BUILD);
        }
        if (node.isHover()) {
            build(node); // the pointer is already over it (a table row given a new item under it, say)
        }
    }

    /** What {@code node}'s tooltip says, built or not yet; null when it has none from here. */
    public static String text(Node node) {
        if (node.getProperties().get(PENDING) instanceof Pending p) {
            return p.text;
        }
        return built(node).map(Tooltip::getText).orElse(null);
    }

    /** The tooltip, once the pointer has been over {@code node}. */
    public static Optional<Tooltip> built(Node node) {
        return Optional.ofNullable((Tooltip) node.getProperties().get(BUILT));
    }

    /** Builds and installs the tooltip now (the first hover does this; tests and snapshots may want it sooner). */
    public static Optional<Tooltip> build(Node node) {
        if (node.getProperties().remove(PENDING) instanceof Pending p) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, BUILD);
            Tooltip t = new Tooltip(p.text);
            if (p.setUp != null) {
                p.setUp.accept(t);
            }
            node.getProperties().put(BUILT, t);
            if (node instanceof Control c) {
                c.setTooltip(t);
            } else {
                Tooltip.install(node, t);
            }
        }
        return built(node);
    }
}
