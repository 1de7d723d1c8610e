export { resetPassword as run } from "./accounts.ts";
