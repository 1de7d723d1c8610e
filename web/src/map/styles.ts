import { BEZIRK_BORDER, MISSING_FILL, MISSING_HATCH, STADTTEIL_BORDER } from "./colours.ts";

/**
 * Styles of the map, rendered once per map in a <style> element (no CSS build step needed, works with server
 * rendering). All selectors are scoped under `.im-map`.
 */
export const MAP_CSS = `
.im-map { font-family: inherit; color: #1a1a1a; }
.im-map-svg { display: block; width: 100%; height: auto; overflow: visible; }
.im-map .map-shape { cursor: pointer; outline: none; }
.im-map .map-shape[role="img"] { cursor: default; }
.im-map path.map-shape { stroke: ${STADTTEIL_BORDER}; stroke-width: 0.8; stroke-linejoin: round; }
.im-map path.map-shape:hover { stroke: #1a1a1a; stroke-width: 1.5; }
.im-map .im-map-tile { stroke: none; }
.im-map g.map-shape:hover .im-map-tile { stroke: #1a1a1a; stroke-width: 1.5; }
.im-map .im-map-focus { fill: none; stroke: none; }
.im-map g.map-shape:focus-visible .im-map-focus { stroke: #000000; stroke-width: 3; }
.im-map g.map-shape:focus-visible .im-map-tile { stroke: #ffffff; stroke-width: 2; }
.im-map .im-map-selected { fill: none; stroke: #000000; stroke-width: 3; pointer-events: none; stroke-linejoin: round; }
.im-map .im-map-focus-ring path { fill: none; pointer-events: none; stroke-linejoin: round; }
.im-map .im-map-focus-ring .outer { stroke: #000000; stroke-width: 5; }
.im-map .im-map-focus-ring .inner { stroke: #ffffff; stroke-width: 2; }
.im-map .im-map-bezirk-border { fill: none; stroke: ${BEZIRK_BORDER}; stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; pointer-events: none; }
.im-map-tile-text text { text-anchor: middle; pointer-events: none; }
.im-map .im-map-tile-number { font-size: 12px; font-weight: 700; }
.im-map .im-map-tile-label { font-size: 9.5px; }
.im-map .im-map-tile-value { font-size: 11px; font-weight: 600; }
.im-map .im-map-bezirk-label { font-size: 12px; font-weight: 700; fill: #444444; dominant-baseline: middle; pointer-events: none; }
.im-map-legend { margin-top: 0.5rem; font-size: 0.875rem; }
.im-map-legend-heading { margin: 0 0 0.25rem; font-weight: 600; }
.im-map-legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.im-map-legend li { display: flex; align-items: center; gap: 0.4rem; }
.im-map-parent-key { margin-top: 0.5rem; font-size: 0.875rem; }
.im-map-parent-key ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.15rem 1rem; }
.im-map-parent-numbers { display: inline-block; min-width: 5.5rem; font-variant-numeric: tabular-nums; color: #4a4a4a; }
.im-map-tooltip-parent { font-size: 0.8125rem; color: #4a4a4a; }
.im-map-swatch { display: inline-block; width: 1.1rem; height: 0.9rem; border: 1px solid #8c8c8c; flex: none; }
.im-map-swatch.is-missing { background: repeating-linear-gradient(45deg, ${MISSING_HATCH} 0 1.5px, ${MISSING_FILL} 1.5px 5px); }
.im-map-attribution { margin: 0.5rem 0 0; font-size: 0.875rem; color: #444444; }
.im-map-attribution p { margin: 0; }
.im-map-attribution a { color: inherit; }
.im-map-attribution summary { cursor: pointer; margin-top: 0.25rem; }
.im-map-canvas { position: relative; }
.im-map-tooltip { position: absolute; z-index: 2; pointer-events: none; display: flex; flex-direction: column; gap: 0.1rem; min-width: 8rem; max-width: 16rem; padding: 0.35rem 0.6rem; background: #ffffff; color: #1a1a1a; border: 1px solid #1a1a1a; border-radius: 4px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); font-size: 0.9375rem; line-height: 1.3; }
`;

/** Styles of `MapKindToggle`, rendered with it. */
export const TOGGLE_CSS = `
.im-map-toggle { display: inline-flex; margin: 0; padding: 0; min-inline-size: 0; border: 1px solid #8c8c8c; border-radius: 4px; overflow: hidden; }
.im-map-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.im-map-toggle button { font: inherit; padding: 0.25rem 0.75rem; border: none; background: #ffffff; color: #1a1a1a; cursor: pointer; }
.im-map-toggle button + button { border-left: 1px solid #8c8c8c; }
.im-map-toggle button[aria-pressed="true"] { background: #253494; color: #ffffff; }
.im-map-toggle button:focus-visible { outline: 3px solid #000000; outline-offset: -3px; }
`;
