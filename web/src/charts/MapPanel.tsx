import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ExportLegendItem } from "../exportChart.ts";
import { t } from "../i18n/index.ts";
import {
  availableMapKinds,
  type MapKind,
  MapKindToggle,
  type MapScale,
  MISSING_FILL,
  mapColouring,
  StadtteilMap,
  type StadtteilValue,
} from "../map/index.ts";
import { useUrlState } from "../urlState.ts";
import { geoQuery } from "../views/shared/queries.ts";

export type { StadtteilValue };

interface Props {
  values: StadtteilValue[];
  title: string;
  scale?: MapScale;
  selected?: number | null;
  onSelect?: (stadtteil: number) => void;
  description?: string;
  /** Replaces the map's list legend (the Sozialmonitoring's status × dynamics matrix). */
  legend?: ReactNode;
}

/**
 * The map of the Stadtteile with the tile/boundary switch (kept in the URL as `map`). Without a configured
 * GeoJSON the server answers 404 and only the tile map is offered.
 */
export function MapPanel({ values, title, scale, selected, onSelect, description, legend }: Props) {
  const geo = useQuery(geoQuery());
  const [state, setState] = useUrlState({ map: "cartogram" });
  const kinds = availableMapKinds(geo.data);
  const kind: MapKind = state.map === "boundaries" && kinds.includes("boundaries") ? "boundaries" : "cartogram";
  return (
    <div className="map-panel">
      <MapKindToggle value={kind} onChange={(next) => setState({ map: next })} kinds={kinds} />
      <StadtteilMap
        kind={kind}
        values={values}
        title={title}
        geojson={geo.data}
        scale={scale}
        selected={selected ?? undefined}
        onSelect={onSelect}
        description={description}
        legend={legend}
      />
      {geo.isError ? <p className="muted small">{t("map.noBoundaries")}</p> : null}
    </div>
  );
}

/** The map legend for the exported image (the on-screen legend is HTML, outside the map's SVG). */
export function mapExportLegend(values: StadtteilValue[], scale?: MapScale): ExportLegendItem[] {
  return mapColouring(values, scale).legend.map((entry) => ({
    label: `${entry.label} (${entry.count})`,
    colour: entry.colour ?? MISSING_FILL,
    shape: "box",
  }));
}
