// MAP-INTEGRATION: the map components are written in web/src/map by another engineer. When
// web/src/map/index.ts exists, delete the placeholder below and switch on this line:
//   export { StadtteilMap } from "../../map/index.ts";
// The views import `StadtteilMap` from here only, so this file is the one switch.
import { t } from "../../i18n/index.ts";

export interface MapValue {
  stadtteil: number;
  value: number | null;
  label: string;
}

export interface StadtteilMapProps {
  values: MapValue[];
  onSelect?: (stadtteil: number) => void;
  selected?: number | null;
  title?: string;
}

/** Placeholder until the map lands; the chart's table view carries the same numbers meanwhile. */
export function StadtteilMap({ values }: StadtteilMapProps) {
  return (
    <p className="map-placeholder">
      {t("map.placeholder", { count: values.filter((v) => v.value !== null).length })}
    </p>
  );
}
