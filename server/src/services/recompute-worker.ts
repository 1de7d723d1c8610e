// Worker thread entry (see results.ts): one recomputation on its own database connection, so that the
// process that started it keeps answering requests meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../config.ts";
import { openAppContext } from "../context.ts";
import { recompute } from "./recompute.ts";
import type { WorkerAnswer } from "./results.ts";

const { config } = workerData as { config: Config };
const context = await openAppContext(config);
let answer: WorkerAnswer;
try {
  answer = { summary: await recompute(context) };
} catch (error) {
  const { name, message } = error as Error;
  answer = { error: { name, message } };
} finally {
  await context.database.close();
}
parentPort?.postMessage(answer);
