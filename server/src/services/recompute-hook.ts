import type { DatabaseHandle } from "../db/connection.ts";

// TEMPORARY: recompute.ts is being written in parallel; until it exists an import only stores its data.
// Replace this module with a static `import { recompute } from "./recompute.ts"` once it lands.
const recomputeModule = "./recompute.ts";

/** Full recomputation of indicators and Sozialmonitoring after an import or a new district list. */
export async function recomputeAll(database: DatabaseHandle): Promise<void> {
  let mod: { recompute(database: DatabaseHandle): Promise<void> };
  try {
    mod = await import(recomputeModule);
  } catch (error) {
    const missing = (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && String(error).includes("recompute.ts");
    if (missing) return;
    throw error;
  }
  await mod.recompute(database);
}
