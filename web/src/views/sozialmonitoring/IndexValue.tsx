import { ConfidentialMark, StatusSymbol } from "../../components/StatusSymbol.tsx";
import type { IndexCell } from "./suppression.ts";

/** A table cell: the number (marked confidential for analysts), `.` with its reason, or `…`. */
export function IndexValue({ cell, format }: { cell: IndexCell; format: (value: number) => string }) {
  if (cell.kind === "suppressed") return <StatusSymbol kind="suppressed" detail={cell.reason} />;
  if (cell.kind === "missing") return <StatusSymbol kind="missing" />;
  return (
    <>
      {format(cell.value)}
      {cell.confidential ? (
        <>
          {" "}
          <ConfidentialMark />
        </>
      ) : null}
    </>
  );
}
