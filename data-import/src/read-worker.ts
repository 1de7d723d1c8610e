// Worker thread entry of readExtractInWorker (read-in-worker.ts): reads and checks one file, posts its batches as
// columns and then the result.
import { parentPort, workerData } from "node:worker_threads";
import { readExtract } from "./read-extract.ts";
import { columnEncoder, type ReaderJob, type ReaderMessage } from "./read-in-worker.ts";

const { path, profile, districts, limits } = workerData as ReaderJob;
const post = (message: ReaderMessage) => {
  if (message.kind !== "batch") return parentPort?.postMessage(message);
  const { district, dimsIndex, measureIndex, value } = message;
  const buffers = [district.buffer, dimsIndex.buffer, measureIndex.buffer, value.buffer] as ArrayBuffer[];
  parentPort?.postMessage(message, buffers);
};
try {
  const { summary, problems } = await readExtract({ path }, profile, districts, columnEncoder(post), { limits });
  post({ kind: "done", summary, problems });
} catch (error) {
  post({ kind: "failed", message: (error as Error).message });
}
