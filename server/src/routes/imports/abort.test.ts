import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { muensterDistricts } from "@im/data-import";
import { afterEach, beforeEach, expect, it } from "vitest";
import { dump, multipartBody, type TestApp, testApp } from "../../testing/app.ts";
import { writeEinwohnerFile } from "../../testing/einwohner-file.ts";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

it("does not commit an upload whose client has gone before the answer", async () => {
  const path = join(t.dir, "einwohner.csv");
  // 20 Stadtteile, 53,280 lines: the import takes long enough for the client to be gone before it ends.
  await writeEinwohnerFile(path, { districts: muensterDistricts.slice(0, 20).map((d) => d.number), year: 2015 });
  const { payload, headers } = multipartBody({ profile: "einwohner" }, { name: "a.csv", content: readFileSync(path) });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const before = dump(t.dbPath);

  // The whole form, then the client closes its side at once, as a client that timed out does.
  const socket = connect(Number(new URL(address).port), "127.0.0.1");
  const head = `POST /api/imports HTTP/1.1\r\nHost: x\r\nAuthorization: ${t.auth.authorization}\r\nContent-Type: ${headers["content-type"]}\r\nContent-Length: ${payload.length}\r\n\r\n`;
  let answer = "";
  socket.on("data", (d) => {
    answer += d;
  });
  socket.end(Buffer.concat([Buffer.from(head), payload]));
  await new Promise((resolve) => socket.on("close", resolve));

  // The server notices the closed connection, aborts and frees the upload slot.
  for (let i = 0; i < 100; i++) {
    const next = await t.app.inject({ url: "/api/imports", headers: t.auth });
    if (next.statusCode === 200 && !(await busy())) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(answer).toBe("");
  expect(dump(t.dbPath)).toBe(before);
});

/** Whether an upload is still running: a tiny upload is refused with 503 while one is. */
async function busy(): Promise<boolean> {
  const { payload, headers } = multipartBody({ profile: "einwohner" }, { name: "leer.csv", content: "" });
  const res = await t.app.inject({ method: "POST", url: "/api/imports", payload, headers: { ...headers, ...t.auth } });
  return res.statusCode === 503;
}
