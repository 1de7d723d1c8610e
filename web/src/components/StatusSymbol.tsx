import type { Unit, ValueRow, ValueStatus } from "../api/types.ts";
import { explainSymbol, formatDecimal, formatValue, SYMBOLS, type SymbolKind, symbolKind } from "../format.ts";
import { t } from "../i18n/index.ts";

/** A status symbol with its explanation as tooltip and, for screen readers, as text. */
export function StatusSymbol({ kind, detail }: { kind: SymbolKind; detail?: string | null }) {
  const explanation = detail ? `${explainSymbol(kind)} (${detail})` : explainSymbol(kind);
  return (
    <span className="status-symbol" title={explanation}>
      <span aria-hidden="true">{SYMBOLS[kind]}</span>
      <span className="sr-only">{explanation}</span>
    </span>
  );
}

/** The "nur für den Dienstgebrauch" marker on values only analysts may see. */
export function ConfidentialMark() {
  return (
    <span className="confidential-mark" title={t("confidential.long")}>
      <span aria-hidden="true">{t("confidential.short")}</span>
      <span className="sr-only">{t("confidential.long")}</span>
    </span>
  );
}

interface ValueTextProps {
  value: number | null;
  status: ValueStatus;
  unit?: Unit;
  detail?: string | null;
  confidential?: boolean;
}

/** A value as tables, cards and labels show it: a German number, or the status symbol. */
export function ValueText({ value, status, unit, detail, confidential }: ValueTextProps) {
  // Analysts see values suppressed for the public, marked "nfD".
  const kind = symbolKind(value, status, confidential);
  return (
    <>
      {kind ? (
        <StatusSymbol kind={kind} detail={detail} />
      ) : unit ? (
        formatValue(value as number, unit)
      ) : (
        formatDecimal(value as number)
      )}
      {confidential ? (
        <>
          {" "}
          <ConfidentialMark />
        </>
      ) : null}
    </>
  );
}

/** A row's value as `ValueText` shows it, the missing symbol where there is no row; `detail` adds its reason. */
export function RowValue({
  row,
  unit,
  detail = false,
}: {
  row: (Pick<ValueRow, "value" | "status" | "confidential"> & { statusDetail?: string | null }) | null | undefined;
  unit?: Unit;
  detail?: boolean;
}) {
  if (!row) return <ValueText value={null} status="missing" />;
  return (
    <ValueText
      value={row.value}
      status={row.status}
      unit={unit}
      detail={detail ? row.statusDetail : undefined}
      confidential={row.confidential}
    />
  );
}
