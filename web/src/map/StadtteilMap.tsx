import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from "react";
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
    `${drawBoundaries ? "Karte mit den Grenzen" : "Kachelkarte"} der Stadtteile.`,
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
        <CartogramSvg {...shared} layout={layout} title={title} summary={summary} />
      )}
      <Legend entries={colouring.legend} heading={scale?.label} />
      {attribution ? <p className="im-map-attribution">{attribution}</p> : null}
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

function accessibleName(stadtteil: number, name: string, v: StadtteilValue | undefined, colouring: Colouring) {
  return `${stadtteil} ${v?.name ?? name}: ${colouring.textOf(v)}`;
}

/** Props that make a shape focusable and selectable with click, Enter and Space. */
function shapeProps(stadtteil: number, label: string, shared: SharedProps) {
  const { onSelect, selected } = shared;
  return {
    className: `map-shape${selected === stadtteil ? " is-selected" : ""}`,
    "data-stadtteil": String(stadtteil),
    tabIndex: 0,
    role: onSelect ? "button" : "img",
    "aria-label": label,
    "aria-current": selected === stadtteil ? ("true" as const) : undefined,
    onClick: onSelect ? () => onSelect(stadtteil) : undefined,
    onKeyDown: (e: KeyboardEvent) => {
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
}) {
  const { ids, width, height } = props;
  return (
    // A group, not role="img": the Stadtteile inside must stay focusable and named (img children are presentational).
    // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>.
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
  );
}

function CartogramSvg(props: SharedProps & { layout: CartogramLayout; title: string; summary: string }) {
  const { layout, colouring, byNumber, ids, selected } = props;
  const cols = Math.max(1, ...layout.tiles.map((t) => t.col + 1), ...(layout.bezirkLabels ?? []).map((l) => l.col + 1));
  const rows = Math.max(1, ...layout.tiles.map((t) => t.row + 1), ...(layout.bezirkLabels ?? []).map((l) => l.row + 1));
  const borders = useMemo(() => tileBezirkBorders(layout.tiles), [layout]);
  const tiles = useMemo(() => tilesInReadingOrder(layout.tiles), [layout]);
  return (
    <Svg
      ids={ids}
      width={cols * CELL + 2 * PAD}
      height={rows * CELL + 2 * PAD}
      title={props.title}
      summary={props.summary}
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
          <g key={t.stadtteil} {...shapeProps(t.stadtteil, label, props)}>
            <title>{label}</title>
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
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const selectedShape = map.shapes.find((s) => s.stadtteil === selected);
  const focusedShape = map.shapes.find((s) => s.stadtteil === focused);
  return (
    <Svg ids={ids} width={map.width} height={map.height} title={props.title} summary={props.summary}>
      {/* map.shapes come in reading order (projectStadtteile), which is also the Tab order. */}
      {map.shapes.map((s) => {
        const v = byNumber.get(s.stadtteil);
        const colour = colouring.colourOf(v);
        const label = accessibleName(s.stadtteil, s.name, v, colouring);
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: role, tabIndex and key handling come from shapeProps.
          <path
            key={s.stadtteil}
            {...shapeProps(s.stadtteil, label, props)}
            d={s.d}
            fill={colour ?? `url(#${ids.hatch})`}
            onFocus={() => setFocused(s.stadtteil)}
            onBlur={() => setFocused((f) => (f === s.stadtteil ? undefined : f))}
          >
            <title>{label}</title>
          </path>
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

/** One German sentence on the value range or the class counts, for the SVG description. */
function summarise(values: readonly StadtteilValue[], colouring: Colouring): string {
  const missing = colouring.legend.find((e) => e.colour === null)?.count ?? 0;
  const missingText = missing > 0 ? ` ${missing} ohne Angabe oder geheim.` : "";
  if (colouring.breaks.length === 0) {
    const counts = colouring.legend
      .filter((e) => e.colour !== null && e.count > 0)
      .map((e) => `${e.label}: ${e.count}`)
      .join(", ");
    return `${values.length} Stadtteile${counts ? ` – ${counts}` : ""}.${missingText}`;
  }
  const numeric = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  if (numeric.length === 0) return `${values.length} Stadtteile, keine Werte.`;
  const lo = numeric.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
  const hi = numeric.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
  return (
    `${values.length} Stadtteile. Niedrigster Wert: ${lo.stadtteil} ${lo.name} (${lo.display}), ` +
    `höchster Wert: ${hi.stadtteil} ${hi.name} (${hi.display}).${missingText}`
  );
}
