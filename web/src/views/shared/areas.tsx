import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { AreaId, DistrictsResponse } from "../../api/types.ts";
import { locale, t } from "../../i18n/index.ts";
import { districtsQuery } from "./queries.ts";

export const CITY: AreaId = "stadt";
const BEZIRK_PREFIX = "bezirk:";

export function bezirkArea(name: string): AreaId {
  return `${BEZIRK_PREFIX}${name}`;
}

/** `61` from `"61"`, else null (the city or a Stadtbezirk). */
export function stadtteilNumber(area: AreaId): number | null {
  return /^\d+$/.test(area) ? Number(area) : null;
}

/** A readable name for an area id: "Gesamtstadt", "Stadtbezirk Mitte", "Gievenbeck". */
export function areaLabel(area: AreaId, districts?: DistrictsResponse): string {
  if (area === CITY) return t("area.city");
  if (area.startsWith(BEZIRK_PREFIX)) return t("area.bezirk", { name: area.slice(BEZIRK_PREFIX.length) });
  const number = stadtteilNumber(area);
  const district = districts?.districts.find((d) => d.number === number);
  return district ? district.name : t("area.stadtteilNumber", { number: area });
}

interface Props {
  value: AreaId;
  onChange: (area: AreaId) => void;
  /** Areas offered; all when not given (e.g. the areas an indicator is available for). */
  available?: AreaId[];
  label?: string;
}

/** City, Stadtbezirke and Stadtteile in one native select (keyboard and screen reader work out of the box). */
export function AreaSelect({ value, onChange, available, label }: Props) {
  const id = useId();
  const districts = useQuery(districtsQuery());
  const offered = (area: AreaId) => !available || available.includes(area) || area === value;
  const data = districts.data;
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t("area.label")}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={CITY}>{t("area.city")}</option>
        {data ? (
          <>
            <optgroup label={t("area.bezirke")}>
              {data.bezirke
                .map(bezirkArea)
                .filter(offered)
                .map((area) => (
                  <option key={area} value={area}>
                    {areaLabel(area, data)}
                  </option>
                ))}
            </optgroup>
            <optgroup label={t("area.stadtteile")}>
              {[...data.districts]
                .sort((a, b) => a.name.localeCompare(b.name, locale()))
                .filter((d) => offered(String(d.number)))
                .map((d) => (
                  <option key={d.number} value={String(d.number)}>
                    {d.name}
                  </option>
                ))}
            </optgroup>
          </>
        ) : value !== CITY ? (
          <option value={value}>{areaLabel(value)}</option>
        ) : null}
      </select>
    </div>
  );
}
