import { useMemo } from "react";
import { t } from "../i18n/index.ts";
import { projectStadtteile } from "./geo.ts";
import { type DistrictRef, resolveLayout } from "./layout.ts";
import type { StadtteilFeatureCollection } from "./types.ts";

const CELL = 16;
const GAP = 2;
const HIGHLIGHT = "#253494";
const OTHER = "#d9d9d9";

/**
 * A small map that shows where one Stadtteil lies: the chosen one dark, all others light grey. One image for
 * screen readers (its name says which Stadtteil), no focus stops — the Steckbrief's map is for orientation.
 * Real boundaries when the city has configured them, otherwise the tile layout.
 */
export function LocatorMap({
  districts,
  stadtteil,
  name,
  geojson,
}: {
  districts: readonly DistrictRef[];
  stadtteil: number;
  name: string;
  geojson?: StadtteilFeatureCollection | null;
}) {
  const label = t("map.locator", { name });
  const projected = useMemo(
    () => (geojson && geojson.features.length > 0 ? projectStadtteile(geojson, 240, 4) : null),
    [geojson],
  );
  const layout = useMemo(() => resolveLayout(districts), [districts]);
  if (projected) {
    return (
      <svg
        className="locator-map"
        viewBox={`0 0 ${projected.width} ${projected.height}`}
        role="img"
        aria-label={label}
        data-stadtteil={stadtteil}
      >
        {projected.shapes.map((s) => (
          <path
            key={s.stadtteil}
            d={s.d}
            fill={s.stadtteil === stadtteil ? HIGHLIGHT : OTHER}
            stroke="#ffffff"
            strokeWidth={0.8}
            className={s.stadtteil === stadtteil ? "is-here" : undefined}
          />
        ))}
      </svg>
    );
  }
  const cols = Math.max(1, ...layout.tiles.map((t) => t.col + 1));
  const rows = Math.max(1, ...layout.tiles.map((t) => t.row + 1));
  return (
    <svg
      className="locator-map"
      viewBox={`0 0 ${cols * CELL} ${rows * CELL}`}
      role="img"
      aria-label={label}
      data-stadtteil={stadtteil}
    >
      {layout.tiles.map((t) => (
        <rect
          key={t.stadtteil}
          x={t.col * CELL + GAP / 2}
          y={t.row * CELL + GAP / 2}
          width={CELL - GAP}
          height={CELL - GAP}
          rx={2}
          fill={t.stadtteil === stadtteil ? HIGHLIGHT : OTHER}
          className={t.stadtteil === stadtteil ? "is-here" : undefined}
        />
      ))}
    </svg>
  );
}
