import { t } from "../i18n/index.ts";
import { TOGGLE_CSS } from "./styles.ts";
import type { MapKind, StadtteilFeatureCollection } from "./types.ts";

/** "Kachelkarte" / "Grenzen" in the current language. */
export function mapKindLabel(kind: MapKind): string {
  return t(kind === "cartogram" ? "map.kind.cartogram" : "map.kind.boundaries");
}

/** The map kinds to offer: always the tile map, plus real boundaries when a GeoJSON with features is there. */
export function availableMapKinds(geojson: StadtteilFeatureCollection | null | undefined): MapKind[] {
  return geojson && geojson.features.length > 0 ? ["cartogram", "boundaries"] : ["cartogram"];
}

export interface MapKindToggleProps {
  value: MapKind;
  onChange: (kind: MapKind) => void;
  /** Default both; with a single kind nothing is rendered. */
  kinds?: readonly MapKind[];
}

/** "Kachelkarte / Grenzen" switch: two toggle buttons (aria-pressed) in a fieldset named "Kartenart". */
export function MapKindToggle({ value, onChange, kinds = ["cartogram", "boundaries"] }: MapKindToggleProps) {
  if (kinds.length < 2) return null;
  return (
    <fieldset className="im-map-toggle">
      <legend className="im-map-visually-hidden">{t("map.kind")}</legend>
      <style>{TOGGLE_CSS}</style>
      {kinds.map((kind) => (
        <button key={kind} type="button" aria-pressed={value === kind} onClick={() => onChange(kind)}>
          {mapKindLabel(kind)}
        </button>
      ))}
    </fieldset>
  );
}
