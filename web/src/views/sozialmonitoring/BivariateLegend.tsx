import { t } from "../../i18n/index.ts";
import { textColourOn } from "../../map/index.ts";
import { bivariateColour, DYNAMICS_COLUMNS, STATUS_ROWS } from "./bivariate.ts";

/**
 * The legend of the combined map as a matrix: status in the rows, dynamics in the columns, each cell in its
 * colour with the number of Stadtteile — a real table, so a screen reader reads row and column headers with
 * each count.
 */
export function BivariateLegend({ counts, missing }: { counts: number[][]; missing: number }) {
  return (
    <div className="bivariate-legend">
      <table>
        <caption>{t("bivariate.legendCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t("sozial.statusClass")} \ {t("sozial.dynamicsClass")}
            </th>
            {DYNAMICS_COLUMNS.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATUS_ROWS.map((status, i) => (
            <tr key={status}>
              <th scope="row">{status}</th>
              {DYNAMICS_COLUMNS.map((dynamics, j) => {
                const colour = bivariateColour(status, dynamics) as string;
                return (
                  <td key={dynamics} style={{ background: colour, color: textColourOn(colour) }}>
                    {counts[i][j]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {missing > 0 ? (
        <p className="bivariate-missing">
          <span className="im-map-swatch is-missing" aria-hidden="true" /> keine Angabe / geheim (.): {missing}
        </p>
      ) : null}
    </div>
  );
}
