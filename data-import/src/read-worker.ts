// Worker thread entry of readExtractInWorker (read-in-worker.ts): reads and checks one file, posts its batches as
// columns and then the result.
import { parentPort, workerData } from "node:worker_threads";
import { readExtractColumns } from "./read-extract.ts";
import { columnPoster, type ReaderJob, type ReaderMessage } from "./read-in-worker.ts";

const { path, profile, districts, limits } = workerData as ReaderJob;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);
try {
  const { summary, problems } = await readExtractColumns({ path }, profile, districts, columnPoster(post), { limits });
  post({ kind: "done", summary, problems });
} catch (error) {
  post({ kind: "failed", message: (error as Error).message });
}
