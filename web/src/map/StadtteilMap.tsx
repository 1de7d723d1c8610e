import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from "react";
import { t } from "../i18n/index.ts";
import { plainAttribution } from "./attribution.ts";
import { type Colouring, type LegendEntry, mapColouring } from "./colouring.ts";
import { MISSING_FILL, MISSING_HATCH, textColourOn } from "./colours.ts";
import { projectStadtteile } from "./geo.ts";
import { resolveLayout } from "./layout.ts";
import { MAP_CSS } from "./styles.ts";
import type {
  CartogramLayout,
  CartogramTile,
  MapKind,
  MapScale,
  StadtteilFeatureCollection,
  StadtteilValue,
} from "./types.ts";

export interface StadtteilMapProps {
  /** "cartogram": equal tiles (`layout`); "boundaries": real boundaries from `geojson` (falls back to tiles without it). */
  kind: MapKind;
  /** One entry per Stadtteil; Stadtteile of the layout/GeoJSON without an entry are drawn as "keine Angabe". */
  values: readonly StadtteilValue[];
  /** Heading of the map; also the SVG's accessible name. */
  title: string;
  /** GeoJSON from `GET /api/geo/stadtteile` (WGS84, `properties.code` = Stadtteil number). */
  geojson?: StadtteilFeatureCollection | null;
  /** Default: sequential, quantile, 5 classes. */
  scale?: MapScale;
  /** Extra sentence for the SVG description (the value summary is generated). */
  description?: string;
  /** Tile layout; default Münster's when it covers all `values`, otherwise `gridLayout(values)`. */
  layout?: CartogramLayout;
  /** Stadtteil number to highlight. */
  selected?: number;
  /** Click, Enter or Space on a Stadtteil. */
  onSelect?: (stadtteil: number) => void;
  /** Licence notice under the map; default `geojson.attribution` for the boundaries map, none for tiles. */
  attribution?: string;
  /** Replaces the list legend (e.g. the bivariate legend matrix of the Sozialmonitoring). */
  legend?: ReactNode;
  className?: string;
}

const CELL = 64;
const INSET = 3;
const PAD = 8;
const TILE = CELL - 2 * INSET;

/** Tile-grid cartogram or choropleth of Stadtteile, with legend; see `StadtteilMapProps`. */
export function StadtteilMap(props: StadtteilMapProps) {
  const { kind, values, title, geojson, scale, description, selected, onSelect, className } = props;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const ids = { title: `im-map-title-${uid}`, desc: `im-map-desc-${uid}`, hatch: `im-map-hatch-${uid}` };
  const colouring = useMemo(() => mapColouring(values, scale), [values, scale]);
  const byNumber = useMemo(() => new Map(values.map((v) => [v.stadtteil, v])), [values]);
  const layout = useMemo(() => resolveLayout(values, props.layout), [values, props.layout]);
  const drawBoundaries = kind === "boundaries" && !!geojson && geojson.features.length > 0;
  const attribution = props.attribution ?? (drawBoundaries ? geojson?.attribution : undefined);

  const shared: SharedProps = { ids, colouring, byNumber, selected, onSelect };
  const summary = [
    t(drawBoundaries ? "map.summary.boundaries" : "map.summary.cartogram"),
    summarise(values, colouring),
    description ?? "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div
      className={["im-map", className].filter(Boolean).join(" ")}
      data-kind={drawBoundaries ? "boundaries" : "cartogram"}
    >
      <style>{MAP_CSS}</style>
      {drawBoundaries && geojson ? (
        <BoundariesSvg {...shared} geojson={geojson} title={title} summary={summary} />
      ) : (
        <>
          <CartogramSvg {...shared} layout={layout} title={title} summary={summary} />
          {layout.bezirkLabels ? null : <ParentKey tiles={layout.tiles} />}
        </>
      )}
      {props.legend ?? <Legend entries={colouring.legend} heading={scale?.label} />}
      {attribution ? <Attribution notice={attribution} /> : null}
    </div>
  );
}

interface SharedProps {
  ids: { title: string; desc: string; hatch: string };
  colouring: Colouring;
  byNumber: Map<number, StadtteilValue>;
  selected?: number;
  onSelect?: (stadtteil: number) => void;
}

/** The Stadtteil under the pointer or with keyboard focus, whose label is shown; Escape hides it (WCAG 1.4.13). */
function useActiveShape() {
  const [hovered, setHovered] = useState<number | undefined>(undefined);
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const [dismissed, setDismissed] = useState(false);
  const active = dismissed ? undefined : (hovered ?? focused);
  const handlers = (stadtteil: number) => ({
    onMouseEnter: () => {
      setDismissed(false);
      setHovered(stadtteil);
    },
    onMouseLeave: () => setHovered((h) => (h === stadtteil ? undefined : h)),
    onFocus: () => {
      setDismissed(false);
      setFocused(stadtteil);
    },
    onBlur: () => setFocused((f) => (f === stadtteil ? undefined : f)),
  });
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === "Escape") setDismissed(true);
  };
  return { active, focused, handlers, onEscape };
}

/**
 * The visible label of the hovered or focused Stadtteil: its number, name and value, in HTML above the shape
 * (HTML keeps its size on a phone, where the map's SVG text shrinks). Hidden from screen readers: the shape's
 * accessible name says the same.
 */
function ShapeTooltip(props: {
  at: [number, number];
  /** Where the label goes when it must sit below the shape (near the top edge); default `at`. */
  below?: number;
  width: number;
  height: number;
  name: string;
  /** The Stadtbezirk (wijk) the shape lies in, where the map names none. */
  parent?: string;
  value: string;
}) {
  const [x, y] = props.at;
  const left = (x / props.width) * 100;
  const below = (y / props.height) * 100 < 22;
  const top = ((below ? (props.below ?? y) : y) / props.height) * 100;
  const shiftX = left < 22 ? "-12%" : left > 78 ? "-88%" : "-50%";
  const shiftY = below ? "0.75rem" : "calc(-100% - 0.5rem)";
  return (
    <div
      className="im-map-tooltip"
      aria-hidden="true"
      style={{ left: `${left}%`, top: `${top}%`, transform: `translate(${shiftX}, ${shiftY})` }}
    >
      <strong>{props.name}</strong>
      {props.parent ? <span className="im-map-tooltip-parent">{props.parent}</span> : null}
      <span>{props.value}</span>
    </div>
  );
}

/** The licence notice in plain words, the file's full text behind a disclosure. */
function Attribution({ notice }: { notice: string }) {
  const plain = plainAttribution(notice);
  if (!plain) return <p className="im-map-attribution">{notice}</p>;
  const parts = [
    `${t("map.attribution.boundaries", { provider: plain.provider })}${plain.date ? ` (Stand ${plain.date})` : ""}`,
  ];
  return (
    <div className="im-map-attribution">
      <p>
        {parts[0]}
        {plain.licence ? (
          <>
            {" · "}
            {plain.url ? (
              <>
                {t("map.licence")} <a href={plain.url}>{plain.licence}</a>
              </>
            ) : (
              t("map.attribution.licence", { licence: plain.licence })
            )}
          </>
        ) : null}
        {plain.changed ? ` · ${t("map.attribution.changed")}` : null}
      </p>
      <details>
        <summary>{t("map.attribution.full")}</summary>
        <p>{notice}</p>
      </details>
    </div>
  );
}

function accessibleName(stadtteil: number, name: string, v: StadtteilValue | undefined, colouring: Colouring) {
  return `${stadtteil} ${v?.name ?? name}: ${colouring.textOf(v)}`;
}

/** Props that make a shape focusable and selectable with click, Enter and Space. */
function shapeProps(stadtteil: number, label: string, shared: SharedProps, active: ReturnType<typeof useActiveShape>) {
  const { onSelect, selected } = shared;
  return {
    ...active.handlers(stadtteil),
    className: `map-shape${selected === stadtteil ? " is-selected" : ""}`,
    "data-stadtteil": String(stadtteil),
    tabIndex: 0,
    role: onSelect ? "button" : "img",
    "aria-label": label,
    "aria-current": selected === stadtteil ? ("true" as const) : undefined,
    onClick: onSelect ? () => onSelect(stadtteil) : undefined,
    onKeyDown: (e: KeyboardEvent) => {
      active.onEscape(e);
      if (!onSelect) return;
      if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") {
        e.preventDefault();
        onSelect(stadtteil);
      }
    },
  };
}

function Svg(props: {
  ids: SharedProps["ids"];
  width: number;
  height: number;
  title: string;
  summary: string;
  children: ReactNode;
  tooltip?: { at: [number, number]; below?: number; name: string; value: string } | null;
}) {
  const { ids, width, height, tooltip } = props;
  return (
    <div className="im-map-canvas">
      {/* A group, not role="img": the Stadtteile inside must stay focusable and named (img children are presentational). */}
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>. */}
      <svg
        className="im-map-svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
      >
        <title id={ids.title}>{props.title}</title>
        <desc id={ids.desc}>{props.summary}</desc>
        <defs>
          <pattern id={ids.hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={MISSING_FILL} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={MISSING_HATCH} strokeWidth="1.6" />
          </pattern>
        </defs>
        {props.children}
      </svg>
      {tooltip ? <ShapeTooltip {...tooltip} width={width} height={height} /> : null}
    </div>
  );
}

function CartogramSvg(props: SharedProps & { layout: CartogramLayout; title: string; summary: string }) {
  const { layout, colouring, byNumber, ids, selected } = props;
  const cols = Math.max(1, ...layout.tiles.map((t) => t.col + 1), ...(layout.bezirkLabels ?? []).map((l) => l.col + 1));
  const rows = Math.max(1, ...layout.tiles.map((t) => t.row + 1), ...(layout.bezirkLabels ?? []).map((l) => l.row + 1));
  const borders = useMemo(() => tileBezirkBorders(layout.tiles), [layout]);
  const tiles = useMemo(() => tilesInReadingOrder(layout.tiles), [layout]);
  const active = useActiveShape();
  const activeTile = tiles.find((t) => t.stadtteil === active.active);
  const tooltip = activeTile
    ? {
        at: [PAD + activeTile.col * CELL + CELL / 2, PAD + activeTile.row * CELL + INSET] as [number, number],
        below: PAD + (activeTile.row + 1) * CELL - INSET,
        name: `${activeTile.stadtteil} ${byNumber.get(activeTile.stadtteil)?.name ?? activeTile.name}`,
        parent: layout.bezirkLabels ? undefined : activeTile.bezirk,
        value: colouring.textOf(byNumber.get(activeTile.stadtteil)),
      }
    : null;
  return (
    <Svg
      ids={ids}
      width={cols * CELL + 2 * PAD}
      height={rows * CELL + 2 * PAD}
      title={props.title}
      summary={props.summary}
      tooltip={tooltip}
    >
      <path className="im-map-bezirk-border" d={borders} />
      {(layout.bezirkLabels ?? []).map((l) => (
        <text
          key={`${l.bezirk}-${l.col}-${l.row}`}
          className="im-map-bezirk-label"
          x={PAD + l.col * CELL + (l.anchor === "start" ? INSET : CELL / 2)}
          y={PAD + l.row * CELL + CELL / 2}
          textAnchor={l.anchor === "start" ? "start" : "middle"}
        >
          {l.bezirk}
        </text>
      ))}
      {tiles.map((t) => {
        const v = byNumber.get(t.stadtteil);
        const colour = colouring.colourOf(v);
        const ink = colour ? textColourOn(colour) : "#1a1a1a";
        const x = PAD + t.col * CELL + INSET;
        const y = PAD + t.row * CELL + INSET;
        const label = accessibleName(t.stadtteil, t.name, v, colouring);
        const value = v?.display ?? ".";
        return (
          <g key={t.stadtteil} {...shapeProps(t.stadtteil, label, props, active)}>
            <rect
              className="im-map-tile"
              x={x}
              y={y}
              width={TILE}
              height={TILE}
              rx="4"
              fill={colour ?? `url(#${ids.hatch})`}
            />
            <rect className="im-map-focus" x={x - 2.5} y={y - 2.5} width={TILE + 5} height={TILE + 5} rx="6" />
            {selected === t.stadtteil ? (
              <rect className="im-map-selected" x={x + 1.5} y={y + 1.5} width={TILE - 3} height={TILE - 3} rx="3" />
            ) : null}
            <g fill={ink} className="im-map-tile-text">
              <text x={x + TILE / 2} y={y + 15} className="im-map-tile-number">
                {t.stadtteil}
              </text>
              <FitText x={x + TILE / 2} y={y + 30} text={t.label} className="im-map-tile-label" perChar={5.4} />
              <FitText x={x + TILE / 2} y={y + 46} text={value} className="im-map-tile-value" perChar={6} />
            </g>
          </g>
        );
      })}
    </Svg>
  );
}

/**
 * Which numbers lie in which Stadtbezirk, for a tile map too dense to write the names of its Stadtbezirke into it
 * (Almelo's wijken): the borders between them are drawn, this key names them.
 */
function ParentKey({ tiles }: { tiles: readonly CartogramTile[] }) {
  const parents = new Map<string, number[]>();
  for (const tile of tiles) if (tile.bezirk) getOrAdd(parents, tile.bezirk).push(tile.stadtteil);
  if (parents.size < 2) return null;
  const entries = [...parents].map(([name, numbers]) => ({
    name,
    from: Math.min(...numbers),
    to: Math.max(...numbers),
  }));
  entries.sort((a, b) => a.from - b.from);
  return (
    <div className="im-map-parent-key">
      <p className="im-map-legend-heading">{t("area.bezirke")}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.name}>
            <span className="im-map-parent-numbers">{e.from === e.to ? e.from : `${e.from}–${e.to}`}</span> {e.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function getOrAdd(map: Map<string, number[]>, key: string): number[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
}

/**
 * Tiles row by row from the top, left to right within a row: drawn in this order, so Tab walks the map the way
 * the eye reads it (not by Stadtteil number, which jumps around the city).
 */
export function tilesInReadingOrder(tiles: readonly CartogramTile[]): CartogramTile[] {
  return [...tiles].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Text that is squeezed to the tile width when it would be wider (rough width estimate per character). */
function FitText(props: { x: number; y: number; text: string; className: string; perChar: number }) {
  const max = TILE - 6;
  const squeeze = props.text.length * props.perChar > max;
  return (
    <text
      x={props.x}
      y={props.y}
      className={props.className}
      textLength={squeeze ? max : undefined}
      lengthAdjust={squeeze ? "spacingAndGlyphs" : undefined}
    >
      {props.text}
    </text>
  );
}

/** Path data for tile edges where a Stadtbezirk ends (next to another Bezirk or to no tile). */
export function tileBezirkBorders(tiles: readonly CartogramTile[]): string {
  const at = new Map(tiles.map((t) => [`${t.col},${t.row}`, t]));
  const segments: string[] = [];
  const differs = (t: CartogramTile, c: number, r: number) => at.get(`${c},${r}`)?.bezirk !== t.bezirk;
  for (const t of tiles) {
    const x0 = PAD + t.col * CELL;
    const y0 = PAD + t.row * CELL;
    const x1 = x0 + CELL;
    const y1 = y0 + CELL;
    // Each shared edge once: right and bottom always, left and top only towards an empty cell.
    if (differs(t, t.col + 1, t.row)) segments.push(`M${x1},${y0}V${y1}`);
    if (differs(t, t.col, t.row + 1)) segments.push(`M${x0},${y1}H${x1}`);
    if (!at.has(`${t.col - 1},${t.row}`)) segments.push(`M${x0},${y0}V${y1}`);
    if (!at.has(`${t.col},${t.row - 1}`)) segments.push(`M${x0},${y0}H${x1}`);
  }
  return segments.join("");
}

function BoundariesSvg(props: SharedProps & { geojson: StadtteilFeatureCollection; title: string; summary: string }) {
  const { geojson, colouring, byNumber, ids, selected } = props;
  const map = useMemo(() => projectStadtteile(geojson), [geojson]);
  const active = useActiveShape();
  const selectedShape = map.shapes.find((s) => s.stadtteil === selected);
  const focusedShape = map.shapes.find((s) => s.stadtteil === active.focused);
  const activeShape = map.shapes.find((s) => s.stadtteil === active.active);
  const tooltip = activeShape
    ? {
        at: activeShape.centroid,
        name: `${activeShape.stadtteil} ${byNumber.get(activeShape.stadtteil)?.name ?? activeShape.name}`,
        value: colouring.textOf(byNumber.get(activeShape.stadtteil)),
      }
    : null;
  return (
    <Svg ids={ids} width={map.width} height={map.height} title={props.title} summary={props.summary} tooltip={tooltip}>
      {/* map.shapes come in reading order (projectStadtteile), which is also the Tab order. */}
      {map.shapes.map((s) => {
        const v = byNumber.get(s.stadtteil);
        const colour = colouring.colourOf(v);
        const label = accessibleName(s.stadtteil, s.name, v, colouring);
        return (
          <path
            key={s.stadtteil}
            {...shapeProps(s.stadtteil, label, props, active)}
            d={s.d}
            fill={colour ?? `url(#${ids.hatch})`}
          />
        );
      })}
      {map.bezirkBorders ? <path className="im-map-bezirk-border" d={map.bezirkBorders} /> : null}
      {selectedShape ? <path className="im-map-selected" d={selectedShape.d} /> : null}
      {focusedShape ? (
        <g className="im-map-focus-ring">
          <path d={focusedShape.d} className="outer" />
          <path d={focusedShape.d} className="inner" />
        </g>
      ) : null}
    </Svg>
  );
}

function Legend({ entries, heading }: { entries: LegendEntry[]; heading?: string }) {
  return (
    <div className="im-map-legend">
      {heading ? <p className="im-map-legend-heading">{heading}</p> : null}
      <ul>
        {entries.map((e) => (
          <li key={`${e.colour ?? "missing"} ${e.label}`}>
            <span
              className={`im-map-swatch${e.colour ? "" : " is-missing"}`}
              style={e.colour ? { background: e.colour } : undefined}
            />
            {e.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One sentence on the value range or the class counts, for the SVG description. */
function summarise(values: readonly StadtteilValue[], colouring: Colouring): string {
  const missing = colouring.legend.find((e) => e.colour === null)?.count ?? 0;
  const missingText = missing > 0 ? ` ${t("map.summary.missing", { count: missing })}` : "";
  const count = values.length;
  if (colouring.breaks.length === 0) {
    const counts = colouring.legend
      .filter((e) => e.colour !== null && e.count > 0)
      .map((e) => `${e.label}: ${e.count}`)
      .join(", ");
    return `${counts ? t("map.summary.counts", { count, counts }) : t("map.summary.units", { count })}${missingText}`;
  }
  const numeric = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  if (numeric.length === 0) return t("map.summary.noValues", { count });
  const lo = numeric.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
  const hi = numeric.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
  const name = (v: StadtteilValue) => `${v.stadtteil} ${v.name} (${v.display})`;
  return `${t("map.summary.range", { count, lo: name(lo), hi: name(hi) })}${missingText}`;
}
