// Worker thread entry (see results.ts): one recomputation, or one Geheimhaltung audit before a release, on its
// own database connection, so that the process that started it keeps answering requests meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../config.ts";
import { openAppContext } from "../context.ts";
import { auditStoredPublication } from "./disclosure-audit.ts";
import { recompute } from "./recompute.ts";
import type { WorkerAnswer, WorkerTask } from "./results.ts";

const { config, task } = workerData as { config: Config; task: WorkerTask };
const context = await openAppContext(config);
let answer: WorkerAnswer;
try {
  answer =
    task === "audit"
      ? { audit: await auditStoredPublication(context) }
      : { summary: await recompute(context, { incremental: task === "recompute-changes" }) };
} catch (error) {
  const { name, message } = error as Error;
  answer = { error: { name, message } };
} finally {
  await context.database.close();
}
parentPort?.postMessage(answer);
