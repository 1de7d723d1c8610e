import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ReadCache, STAMP_TRUST_MS } from "./read-cache.ts";

/** A results stamp as another process would change it, counting how often it is read. */
function storedStamp() {
  const stamp = { value: "1|2026-12-07T10:00", reads: 0 };
  const read = async () => {
    stamp.reads++;
    return stamp.value;
  };
  return { stamp, read };
}

describe("the read cache", () => {
  it("asks for the results stamp once per trust window, however many requests come", async () => {
    const { stamp, read } = storedStamp();
    const cache = new ReadCache(read);
    let computed = 0;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => cache.getOrCompute("values", async () => ++computed)),
    );
    for (let i = 0; i < 20; i++) await cache.getOrCompute("values", async () => ++computed);
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(computed).toBe(1);
    // One read before the first answer, one after it (the check that no new results came in between).
    expect(stamp.reads).toBe(2);
  });

  it("sees another process's new results once the trust window has passed", async () => {
    const { stamp, read } = storedStamp();
    const cache = new ReadCache(read);
    await cache.getOrCompute("values", async () => "old");
    stamp.value = "2|2026-12-07T10:05";
    expect(await cache.getOrCompute("values", async () => "new")).toBe("old");
    await sleep(STAMP_TRUST_MS + 20);
    expect(await cache.getOrCompute("values", async () => "new")).toBe("new");
  });

  it("sees its own process's new results at once", async () => {
    const { stamp, read } = storedStamp();
    const cache = new ReadCache(read);
    await cache.getOrCompute("values", async () => "old");
    stamp.value = "2|2026-12-07T10:05";
    cache.invalidate();
    expect(await cache.getOrCompute("values", async () => "new")).toBe("new");
  });

  it("computes an answer again when new results were stored while it was read", async () => {
    const { stamp, read } = storedStamp();
    const cache = new ReadCache(read);
    const seen: string[] = [];
    const answer = await cache.getOrCompute("values", async () => {
      seen.push(stamp.value);
      if (seen.length === 1) stamp.value = "2|2026-12-07T10:05"; // a recomputation commits mid-read
      return stamp.value;
    });
    expect(seen).toEqual(["1|2026-12-07T10:00", "2|2026-12-07T10:05"]);
    expect(answer).toBe("2|2026-12-07T10:05");
  });

  it("reads the stamp again after a failed read instead of keeping the failure", async () => {
    let fail = true;
    const cache = new ReadCache(async () => {
      if (fail) throw new Error("Verbindung unterbrochen");
      return "1";
    });
    await expect(cache.getOrCompute("values", async () => "x")).rejects.toThrow("Verbindung unterbrochen");
    fail = false;
    expect(await cache.getOrCompute("values", async () => "x")).toBe("x");
  });
});
