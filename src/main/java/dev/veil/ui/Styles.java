package dev.veil.ui;

/**
 * Every CSS class the console sets, in one place. Classes starting with {@code veil-} are styled
 * in {@code app.css}; the others are AtlantaFX's and styled by the theme. Colours and spacing
 * live in the CSS, never in code.
 */
public final class Styles {
    /** The console's own style sheet, loaded on top of the AtlantaFX theme. */
    public static final String STYLESHEET = "/dev/veil/ui/app.css";

    public static final String ROOT = "veil-root";
    public static final String SIDEBAR = "veil-sidebar";
    public static final String BRAND = "veil-brand";
    public static final String BRAND_CAPTION = "veil-brand-caption";
    public static final String NAV_BUTTON = "veil-nav-button";
    public static final String STATUS_BAR = "veil-status-bar";
    public static final String STATUS_CONNECTION = "veil-status-connection";
    public static final String STATUS_PROGRESS = "veil-status-progress";
    public static final String PAGE = "veil-page";
    public static final String PAGE_HEADER = "veil-page-header";
    public static final String PAGE_TITLE = "veil-page-title";
    public static final String PAGE_SUBTITLE = "veil-page-subtitle";
    public static final String CARD = "veil-card";
    public static final String CARD_TITLE = "veil-card-title";
    public static final String FORM = "veil-form";
    public static final String FORM_LABEL = "veil-form-label";
    public static final String PROBLEM = "veil-problem";
    public static final String HINT = "veil-hint";
    public static final String EMPTY_STATE = "veil-empty-state";
    public static final String EMPTY_STATE_ICON = "veil-empty-state-icon";
    public static final String BADGE = "veil-badge";
    public static final String BADGE_ACCENT = "veil-badge-accent";
    public static final String BADGE_SUCCESS = "veil-badge-success";
    public static final String BADGE_WARNING = "veil-badge-warning";
    public static final String BADGE_DANGER = "veil-badge-danger";
    public static final String TOOLBAR = "veil-toolbar";
    public static final String CODE = "veil-code";
    public static final String CODE_VIEW = "veil-code-view";
    public static final String CODE_SCROLL = "veil-code-scroll";
    public static final String CODE_TEXT = "veil-code-text";
    public static final String CHART = "veil-chart";
    public static final String DETAIL_PANE = "veil-detail-pane";
    public static final String CELL_TEXT = "veil-cell-text";
    public static final String DETAIL_TITLE = "veil-detail-title";
    public static final String MASKED_EXAMPLE = "veil-masked-example";
    public static final String CLASS_PUBLIC = "veil-class-public";
    public static final String CLASS_OWNER_ONLY = "veil-class-owner-only";
    public static final String CLASS_SECRET = "veil-class-secret";
    public static final String WIDENING = "veil-widening";
    public static final String ERROR_DETAILS = "veil-error-details";

    // AtlantaFX classes used by the console.
    public static final String ACCENT = atlantafx.base.theme.Styles.ACCENT;
    public static final String DANGER = atlantafx.base.theme.Styles.DANGER;
    public static final String SUCCESS = atlantafx.base.theme.Styles.SUCCESS;
    public static final String FLAT = atlantafx.base.theme.Styles.FLAT;
    public static final String LEFT_PILL = atlantafx.base.theme.Styles.LEFT_PILL;
    public static final String RIGHT_PILL = atlantafx.base.theme.Styles.RIGHT_PILL;
    public static final String BUTTON_ICON = atlantafx.base.theme.Styles.BUTTON_ICON;
    public static final String SMALL = atlantafx.base.theme.Styles.SMALL;
    public static final String STRIPED = atlantafx.base.theme.Styles.STRIPED;
    public static final String TEXT_MUTED = atlantafx.base.theme.Styles.TEXT_MUTED;
    public static final String TITLE_3 = atlantafx.base.theme.Styles.TITLE_3;
    public static final String TITLE_4 = atlantafx.base.theme.Styles.TITLE_4;
    public static final String EDGE_TO_EDGE = atlantafx.base.theme.Tweaks.EDGE_TO_EDGE;

    private Styles() {
    }
}
