// Worker thread entry of readExtractInWorker (read-in-worker.ts): reads and checks one file, posts its batches as
// columns and then the result.
import { parentPort, workerData } from "node:worker_threads";
import { readExtractColumns } from "./read-extract.ts";
import { BATCHES_IN_FLIGHT, columnPoster, type ReaderJob, type ReaderMessage } from "./read-in-worker.ts";

const { path, profile, districts, limits } = workerData as ReaderJob;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

// Each batch sent waits for its acknowledgement (a ReaderAck); with too many waiting, the reading pauses.
let inFlight = 0;
let resume: (() => void) | null = null;
parentPort?.on("message", () => {
  inFlight--;
  resume?.();
  resume = null;
});
const paced = () =>
  inFlight < BATCHES_IN_FLIGHT
    ? null
    : new Promise<void>((resolve) => {
        resume = resolve;
      });
const send = columnPoster((message, transfer) => {
  inFlight++;
  post(message, transfer);
});

try {
  const { summary, problems } = await readExtractColumns({ path }, profile, districts, send, { limits, paced });
  post({ kind: "done", summary, problems });
} catch (error) {
  post({ kind: "failed", message: (error as Error).message });
}
