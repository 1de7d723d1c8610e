export { createAdmin as run } from "./accounts.ts";
